using System.Net;
using System.Net.Sockets;

namespace Aposart.Web.Tests.Support;

/// <summary>A loopback TCP relay that can be cut and restored, to take the real database away from the portal and give it back.</summary>
public sealed class TcpProxy : IAsyncDisposable
{
    private readonly string targetHost;
    private readonly int targetPort;
    private readonly List<TcpClient> open = [];
    private TcpListener? listener;
    private CancellationTokenSource? running;

    public TcpProxy(string targetHost, int targetPort)
    {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
    }

    public int Port { get; }

    public void Start()
    {
        listener = new TcpListener(IPAddress.Loopback, Port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        running = new CancellationTokenSource();
        _ = AcceptAsync(listener, running.Token);
    }

    /// <summary>Refuses new connections and drops the open ones, as a database server that went away.</summary>
    public void Cut()
    {
        running?.Cancel();
        listener?.Stop();
        lock (open)
        {
            foreach (var client in open)
            {
                try
                {
                    // Reset rather than close politely: the server is gone, not saying goodbye.
                    client.Client.LingerState = new LingerOption(true, 0);
                }
                catch (ObjectDisposedException)
                {
                    // That relay had already ended.
                }
                client.Dispose();
            }
            open.Clear();
        }
    }

    private async Task AcceptAsync(TcpListener server, CancellationToken token)
    {
        while (!token.IsCancellationRequested)
        {
            TcpClient inbound;
            try
            {
                inbound = await server.AcceptTcpClientAsync(token);
            }
            catch (Exception) when (token.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException)
            {
                return;
            }
            _ = RelayAsync(inbound, token);
        }
    }

    private async Task RelayAsync(TcpClient inbound, CancellationToken token)
    {
        using var outbound = new TcpClient();
        try
        {
            await outbound.ConnectAsync(targetHost, targetPort, token);
            lock (open)
            {
                open.Add(inbound);
                open.Add(outbound);
            }
            var a = inbound.GetStream().CopyToAsync(outbound.GetStream(), token);
            var b = outbound.GetStream().CopyToAsync(inbound.GetStream(), token);
            await Task.WhenAny(a, b);
        }
        catch (Exception exception) when (exception is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The relay ends with either side; nothing to report.
        }
        finally
        {
            lock (open)
            {
                open.Remove(inbound);
                open.Remove(outbound);
            }
            inbound.Dispose();
        }
    }

    public ValueTask DisposeAsync()
    {
        Cut();
        return ValueTask.CompletedTask;
    }
}
