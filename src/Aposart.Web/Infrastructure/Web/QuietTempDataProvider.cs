using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Aposart.Web.Infrastructure.Web;

/// <summary>
/// The cookie provider answers an empty TempData with a cookie deletion, and every page reads TempData (the layout shows
/// the flash messages), so every response carried a Set-Cookie for a cookie the browser never had: a wasted header, and a
/// response no cache may share. The deletion is only sent now when there is a cookie to delete.
/// </summary>
public sealed class QuietTempDataProvider(CookieTempDataProvider cookies) : ITempDataProvider
{
    public IDictionary<string, object> LoadTempData(HttpContext context) => cookies.LoadTempData(context);

    public void SaveTempData(HttpContext context, IDictionary<string, object> values)
    {
        if (values.Count == 0 && !context.Request.Cookies.ContainsKey(CookieTempDataProvider.CookieName))
        {
            return;
        }
        cookies.SaveTempData(context, values);
    }
}
