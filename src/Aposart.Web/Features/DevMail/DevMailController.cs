using Aposart.Web.Infrastructure.Mail;
using Microsoft.AspNetCore.Mvc;
using MimeKit;

namespace Aposart.Web.Features.DevMail;

/// <summary>Development only: the mails the portal "sent" to its pickup folder, so links can be clicked without a mail server.</summary>
public sealed class DevMailController(IWebHostEnvironment environment, PickupDirectoryMailSender pickup) : Controller
{
    private const int PageSize = 20;

    [HttpGet(DevMailLinks.Index)]
    public async Task<IActionResult> Index(int page = 1, CancellationToken cancellationToken = default)
    {
        if (!environment.IsDevelopment())
        {
            return NotFound();
        }
        var files = System.IO.Directory.Exists(pickup.Directory)
            ? new DirectoryInfo(pickup.Directory).GetFiles("*.eml").OrderByDescending(f => f.Name).ToList()
            : [];
        var pageCount = Math.Max(1, (int)Math.Ceiling(files.Count / (double)PageSize));
        page = Math.Clamp(page, 1, pageCount);
        var mails = new List<DevMailRow>();
        foreach (var file in files.Skip((page - 1) * PageSize).Take(PageSize))
        {
            using var message = await MimeMessage.LoadAsync(file.FullName, cancellationToken);
            mails.Add(new DevMailRow(
                file.Name,
                message.Date,
                string.Join(", ", message.To.Mailboxes.Select(m => m.Address)),
                message.Subject ?? "",
                message.TextBody ?? ""));
        }
        return View(new DevMailPage(mails, page, pageCount, files.Count));
    }
}

public sealed record DevMailRow(string FileName, DateTimeOffset Date, string To, string Subject, string TextBody);

public sealed record DevMailPage(IReadOnlyList<DevMailRow> Mails, int Page, int PageCount, int Total);
