using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Aposart.Web.Infrastructure.Web;

/// <summary>
/// One accessible form field: label, input, hint and the French error message next to it, wired with
/// aria-describedby, and the value the user typed kept when the form comes back with errors.
/// Usage: &lt;form-field for="Email" type="email" autocomplete="email" hint="…" /&gt;
/// </summary>
[HtmlTargetElement("form-field", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FormFieldTagHelper : TagHelper
{
    [HtmlAttributeName("for")]
    public required ModelExpression For { get; set; }

    public string Type { get; set; } = "text";
    public string? Autocomplete { get; set; }
    public string? Hint { get; set; }
    public string? Label { get; set; }
    public int Rows { get; set; } = 5;
    public string? Inputmode { get; set; }

    /// <summary>With type="select": the options; the current value is selected.</summary>
    public IEnumerable<SelectListItem>? Items { get; set; }

    [ViewContext, HtmlAttributeNotBound]
    public required ViewContext ViewContext { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        var id = TagBuilder.CreateSanitizedId(name, "_");
        var label = Label ?? For.Metadata.DisplayName ?? For.Name;
        var state = ViewContext.ViewData.ModelState.TryGetValue(name, out var entry) ? entry : null;
        var errors = state?.Errors.Select(e => e.ErrorMessage).Where(m => m.Length > 0).ToList() ?? [];
        var invalid = errors.Count > 0;
        // Value types always count as required in metadata; only an explicit rule makes a field mandatory to the user.
        var required = For.Metadata.ValidatorMetadata.Any(v => v is RequiredAttribute || (Type == "checkbox" && v is RangeAttribute));
        var describedBy = new List<string>();
        if (Hint is not null)
        {
            describedBy.Add(id + "-hint");
        }
        if (invalid)
        {
            describedBy.Add(id + "-error");
        }

        var input = new TagBuilder(Type is "textarea" or "select" ? Type : "input");
        input.TagRenderMode = Type is "textarea" or "select" ? TagRenderMode.Normal : TagRenderMode.SelfClosing;
        input.Attributes["id"] = id;
        input.Attributes["name"] = name;
        if (Autocomplete is not null)
        {
            input.Attributes["autocomplete"] = Autocomplete;
        }
        if (Inputmode is not null)
        {
            input.Attributes["inputmode"] = Inputmode;
        }
        if (required)
        {
            input.Attributes["aria-required"] = "true";
        }
        if (invalid)
        {
            input.Attributes["aria-invalid"] = "true";
        }
        if (describedBy.Count > 0)
        {
            input.Attributes["aria-describedby"] = string.Join(' ', describedBy);
        }

        var wrapper = new TagBuilder("div");
        var labelTag = new TagBuilder("label");
        labelTag.Attributes["for"] = id;
        labelTag.InnerHtml.Append(label);
        if (required)
        {
            labelTag.InnerHtml.AppendHtml(" <span class=\"text-danger\" aria-hidden=\"true\">*</span>");
        }

        if (Type == "checkbox")
        {
            wrapper.AddCssClass("form-check mb-3");
            input.Attributes["type"] = "checkbox";
            input.Attributes["value"] = "true";
            input.AddCssClass("form-check-input");
            labelTag.AddCssClass("form-check-label");
            var isChecked = state?.AttemptedValue is { } attempted
                ? attempted.Split(',').Contains("true", StringComparer.OrdinalIgnoreCase)
                : For.Model is true;
            if (isChecked)
            {
                input.Attributes["checked"] = "checked";
            }
            wrapper.InnerHtml.AppendHtml(input);
            wrapper.InnerHtml.AppendHtml(labelTag);
            // Unchecked boxes post nothing; the hidden false keeps the field bound.
            wrapper.InnerHtml.AppendHtml($"<input type=\"hidden\" name=\"{System.Net.WebUtility.HtmlEncode(name)}\" value=\"false\" />");
        }
        else
        {
            wrapper.AddCssClass("mb-3");
            labelTag.AddCssClass("form-label");
            input.AddCssClass(Type == "select" ? "form-select" : "form-control");
            var value = Type is "password" or "file" ? null : state?.AttemptedValue ?? For.Model switch
            {
                // <input type="date"> speaks ISO 8601 whatever the page's language.
                DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                TimeOnly time => time.ToString("HH:mm", CultureInfo.InvariantCulture),
                DateTime moment => moment.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture),
                // Amounts have two decimals at most; coordinates need six (about ten centimetres).
                decimal number => number.ToString("0.######", CultureInfo.GetCultureInfo("fr-FR")),
                var other => Convert.ToString(other, CultureInfo.InvariantCulture),
            };
            if (Type == "textarea")
            {
                input.Attributes["rows"] = Rows.ToString(CultureInfo.InvariantCulture);
                input.InnerHtml.Append(value ?? "");
            }
            else if (Type == "select")
            {
                foreach (var item in Items ?? [])
                {
                    var option = new TagBuilder("option");
                    option.Attributes["value"] = item.Value;
                    if (item.Value == value)
                    {
                        option.Attributes["selected"] = "selected";
                    }
                    option.InnerHtml.Append(item.Text);
                    input.InnerHtml.AppendHtml(option);
                }
            }
            else
            {
                input.Attributes["type"] = Type;
                if (value is not null)
                {
                    input.Attributes["value"] = value;
                }
            }
            wrapper.InnerHtml.AppendHtml(labelTag);
            wrapper.InnerHtml.AppendHtml(input);
        }
        if (invalid)
        {
            input.AddCssClass("is-invalid");
        }
        if (Hint is not null)
        {
            var hint = new TagBuilder("div");
            hint.AddCssClass("form-text");
            hint.Attributes["id"] = id + "-hint";
            hint.InnerHtml.Append(Hint);
            wrapper.InnerHtml.AppendHtml(hint);
        }
        if (invalid)
        {
            var error = new TagBuilder("div");
            error.AddCssClass("invalid-feedback d-block");
            error.Attributes["id"] = id + "-error";
            error.InnerHtml.Append(string.Join(" ", errors));
            wrapper.InnerHtml.AppendHtml(error);
        }

        output.TagName = null;
        output.Content.SetHtmlContent(wrapper);
    }
}
