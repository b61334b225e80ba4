namespace Aposart.Web.Infrastructure.Web;

/// <summary>
/// Uptime monitors and link checkers ask with HEAD. MVC actions declare GET only, so a HEAD is answered as the GET
/// would be — status and headers, Content-Length where the GET sets one — with the body thrown away.
/// </summary>
public sealed class HeadAsGetMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await next(context);
            return;
        }
        context.Request.Method = HttpMethods.Get;
        var body = context.Response.Body;
        context.Response.Body = Stream.Null;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = body;
            context.Request.Method = HttpMethods.Head;
        }
    }
}
