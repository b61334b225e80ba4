using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Razor;

namespace Aposart.Web.Infrastructure.Web;

/// <summary>
/// Finds a controller's views in its feature folder, named after its namespace
/// (Aposart.Web.Features.Account.SecurityController → /Features/Account/), so a feature may hold several controllers.
/// </summary>
public sealed class FeatureViewLocationExpander : IViewLocationExpander
{
    private const string Key = "feature";

    public void PopulateValues(ViewLocationExpanderContext context)
    {
        if (context.ActionContext.ActionDescriptor is ControllerActionDescriptor descriptor
            && descriptor.ControllerTypeInfo.Namespace is { } ns
            && ns.LastIndexOf(".Features.", StringComparison.Ordinal) is var index and >= 0)
        {
            context.Values[Key] = ns[(index + ".Features.".Length)..].Replace('.', '/');
        }
    }

    public IEnumerable<string> ExpandViewLocations(ViewLocationExpanderContext context, IEnumerable<string> viewLocations) =>
        context.Values.TryGetValue(Key, out var feature) && feature is not null
            ? viewLocations.Select(location => location.Replace("{1}", feature, StringComparison.Ordinal))
            : viewLocations;
}
