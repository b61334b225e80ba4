using System.Xml;
using System.Xml.Linq;
using Aposart.Web.Infrastructure.Web;

namespace Aposart.Web.Features.Settings;

/// <summary>
/// A logo is checked by its content, never by its name: PNG and WebP as they are; SVG rebuilt from a list of drawing
/// elements and attributes, so that no script, event handler, external reference or embedded document survives.
/// </summary>
public static class LogoFile
{
    public const int MaxBytes = 512 * 1024;

    private static readonly HashSet<string> Elements = new(StringComparer.Ordinal)
    {
        "svg", "g", "path", "rect", "circle", "ellipse", "line", "polyline", "polygon", "text", "tspan", "title", "desc",
        "defs", "linearGradient", "radialGradient", "stop", "clipPath", "mask", "symbol", "use",
    };

    private static readonly HashSet<string> Attributes = new(StringComparer.Ordinal)
    {
        "id", "class", "viewBox", "width", "height", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "d", "points",
        "fill", "fill-opacity", "fill-rule", "clip-rule", "stroke", "stroke-width", "stroke-opacity", "stroke-linecap",
        "stroke-linejoin", "stroke-miterlimit", "stroke-dasharray", "opacity", "transform", "offset", "stop-color",
        "stop-opacity", "gradientUnits", "gradientTransform", "clip-path", "mask", "font-family", "font-size", "font-weight",
        "text-anchor", "dominant-baseline", "preserveAspectRatio", "version", "href", "role", "aria-label",
    };

    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private static readonly XNamespace XLink = "http://www.w3.org/1999/xlink";

    /// <summary>The content type and the bytes to store, or the French reason of the refusal.</summary>
    public static (string? ContentType, byte[]? Content, string? Error) Check(byte[] content)
    {
        if (content.Length == 0)
        {
            return (null, null, "Choisissez un fichier image.");
        }
        if (content.Length > MaxBytes)
        {
            return (null, null, $"Le logo dépasse {MaxBytes / 1024} Ko : réduisez-le.");
        }
        var type = FileSignatures.ImageType(content);
        if (type is "image/png" or "image/webp")
        {
            return (type, content, null);
        }
        if (type is null && Sanitise(content) is { } svg)
        {
            return ("image/svg+xml", svg, null);
        }
        return (null, null, "Le logo doit être une image PNG, WebP ou SVG.");
    }

    /// <summary>The SVG rebuilt from allowed parts only, or null when the content is not an SVG document.</summary>
    public static byte[]? Sanitise(byte[] content)
    {
        XDocument document;
        try
        {
            using var stream = new MemoryStream(content);
            using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            document = XDocument.Load(reader);
        }
        catch (XmlException)
        {
            return null;
        }
        if (document.Root is not { } root || root.Name != Svg + "svg")
        {
            return null;
        }
        var clean = Copy(root)!;
        using var output = new MemoryStream();
        using (var writer = XmlWriter.Create(output, new XmlWriterSettings { OmitXmlDeclaration = false, Encoding = new System.Text.UTF8Encoding(false) }))
        {
            new XDocument(clean).Save(writer);
        }
        return output.ToArray();
    }

    private static XElement? Copy(XElement element)
    {
        if (element.Name.Namespace != Svg || !Elements.Contains(element.Name.LocalName))
        {
            return null;
        }
        var copy = new XElement(element.Name);
        foreach (var attribute in element.Attributes())
        {
            if (attribute.IsNamespaceDeclaration)
            {
                continue;
            }
            var local = attribute.Name.LocalName;
            var isHref = local == "href" && (attribute.Name.Namespace == XNamespace.None || attribute.Name.Namespace == XLink);
            if (isHref)
            {
                // Only a reference inside the same drawing: no other file, no javascript: address.
                if (attribute.Value.StartsWith('#'))
                {
                    copy.SetAttributeValue("href", attribute.Value);
                }
                continue;
            }
            if (attribute.Name.Namespace == XNamespace.None && Attributes.Contains(local)
                && !attribute.Value.Contains("url(", StringComparison.OrdinalIgnoreCase) || IsLocalUrl(attribute))
            {
                copy.SetAttributeValue(local, attribute.Value);
            }
        }
        foreach (var node in element.Nodes())
        {
            switch (node)
            {
                case XElement child when Copy(child) is { } kept:
                    copy.Add(kept);
                    break;
                case XText text when element.Name.LocalName is "text" or "tspan" or "title" or "desc":
                    copy.Add(new XText(text.Value));
                    break;
            }
        }
        return copy;
    }

    /// <summary>fill="url(#gradient)" points inside the drawing: allowed; any other url( is dropped.</summary>
    private static bool IsLocalUrl(XAttribute attribute) =>
        attribute.Name.Namespace == XNamespace.None && Attributes.Contains(attribute.Name.LocalName)
        && attribute.Value.Trim().StartsWith("url(#", StringComparison.Ordinal) && attribute.Value.Trim().EndsWith(')') && !attribute.Value.Contains(':');
}
