using System.ComponentModel.DataAnnotations;
using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Aposart.Web.Features.MyData;

/// <summary>RGPD self-service: a copy of everything the portal holds on me, and the right to be forgotten.</summary>
[Authorize]
public sealed class MyDataController(UserManager<AppUser> users, SignInManager<AppUser> signIn, TimeProvider clock,
    ILogger<MyDataController> logger, PersonalDataExport export, PersonalDataErasure erasure) : Controller
{
    [HttpGet(MyDataLinks.Index)]
    public IActionResult Index() => View(new ErasureInput());

    [HttpGet(MyDataLinks.Export)]
    public async Task<IActionResult> Export(CancellationToken cancellationToken)
    {
        var json = await export.ExportAsync((await users.GetUserAsync(User))!, cancellationToken);
        return File(json, "application/json", $"mes-donnees-{clock.GetUtcNow().ToParis():yyyy-MM-dd}.json");
    }

    [HttpPost(MyDataLinks.Erase)]
    public async Task<IActionResult> Erase([Bind(Prefix = "")] ErasureInput input, CancellationToken cancellationToken)
    {
        var user = (await users.GetUserAsync(User))!;
        if (ModelState.IsValid && !await users.CheckPasswordAsync(user, input.Password ?? ""))
        {
            ModelState.AddModelError(nameof(input.Password), "Mot de passe incorrect.");
        }
        if (!ModelState.IsValid)
        {
            input.Password = null;
            return View(nameof(Index), input);
        }

        await erasure.EraseAsync(user, input.Reason, cancellationToken);
        logger.LogInformation("Erasure completed for account {UserId}", user.Id);
        await signIn.SignOutAsync();
        return RedirectToAction(nameof(Erased));
    }

    [AllowAnonymous, HttpGet("/espace/mes-donnees/efface")]
    public IActionResult Erased() => View();
}

public sealed class ErasureInput
{
    [Display(Name = "Mot de passe (pour confirmer)")]
    [Required(ErrorMessage = "Saisissez votre mot de passe pour confirmer l'effacement.")]
    public string? Password { get; set; }

    [Display(Name = "Motif (facultatif)")]
    [StringLength(1000, ErrorMessage = "1 000 caractères au plus.")]
    [DataType(DataType.MultilineText)]
    public string? Reason { get; set; }

    [Display(Name = "Je comprends que mon compte et ma fiche seront effacés définitivement")]
    [Range(typeof(bool), "true", "true", ErrorMessage = "Cochez la case pour confirmer.")]
    public bool Confirm { get; set; }
}
