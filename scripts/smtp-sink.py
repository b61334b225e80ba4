#!/usr/bin/env python3
"""A real SMTP server for the tests and benchmarks: stores every message it accepts as an .eml file.

One file per accepted recipient, so a test can find what one address received. It can refuse at every
stage, so the mailer's retry, suppression and pause paths meet real SMTP answers:
- MAIL FROM whose local part starts with "refuse-sender": 553 5.7.1 (the sender is refused);
- RCPT TO whose local part starts with "tempfail": 451; "reject": 550 5.1.1 (unknown mailbox);
  "relay-denied": 550 5.7.1 (a policy refusal that says nothing about the recipient);
- DATA whose message contains "[sink:552]" or "[sink:554]": that answer (message too large, content refused).

Usage: smtp-sink.py --port 2525 --dir /tmp/mails [--host 127.0.0.1] [--discard]
With --discard it accepts and counts without writing, so a benchmark measures the mailer, not the disk.
"""
import argparse
import os
import signal
import sys
import time
import uuid

from aiosmtpd.controller import Controller


class StoreHandler:
    def __init__(self, directory, discard=False):
        self.directory = directory
        self.discard = discard
        self.accepted = 0

    async def handle_MAIL(self, server, session, envelope, address, mail_options):
        if address.split("@")[0].lower().startswith("refuse-sender"):
            return "553 5.7.1 Sender address rejected: not owned by user"
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 OK"

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        local = address.split("@")[0].lower()
        if local.startswith("relay-denied"):
            return "550 5.7.1 Relaying denied"
        if local.startswith("tempfail"):
            return "451 4.3.0 Mailbox temporarily unavailable"
        if local.startswith("reject"):
            return "550 5.1.1 No such user"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        head = envelope.original_content or b""
        if isinstance(head, str):
            head = head.encode("utf-8")
        if b"[sink:552]" in head:
            return "552 5.3.4 Message size exceeds fixed maximum message size"
        if b"[sink:554]" in head:
            return "554 5.7.1 Message content rejected as spam"
        if self.discard:
            self.accepted += len(envelope.rcpt_tos)
            return "250 Message accepted for delivery"
        content = envelope.original_content or envelope.content
        if isinstance(content, str):
            content = content.encode("utf-8")
        for rcpt in envelope.rcpt_tos:
            name = f"{time.time_ns()}-{uuid.uuid4().hex}.eml"
            tmp = os.path.join(self.directory, name + ".tmp")
            with open(tmp, "wb") as f:
                f.write(f"X-Envelope-To: {rcpt}\r\n".encode("ascii", "replace"))
                f.write(f"X-Envelope-From: {envelope.mail_from}\r\n".encode("ascii", "replace"))
                f.write(content)
            # Rename after writing, so a reader never sees half a message.
            os.replace(tmp, os.path.join(self.directory, name))
        return "250 Message accepted for delivery"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=2525)
    parser.add_argument("--dir", required=True)
    parser.add_argument("--discard", action="store_true")
    args = parser.parse_args()
    os.makedirs(args.dir, exist_ok=True)
    controller = Controller(StoreHandler(args.dir, args.discard), hostname=args.host, port=args.port,
                            data_size_limit=50 * 1024 * 1024, decode_data=False)
    controller.start()
    print(f"smtp-sink listening on {args.host}:{args.port}, storing into {args.dir}", flush=True)
    try:
        signal.pause()
    except (KeyboardInterrupt, SystemExit):
        pass
    finally:
        controller.stop()


if __name__ == "__main__":
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    main()
