using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;

namespace Aposart.Web.Infrastructure.Web;

/// <summary>
/// Every text a form sends is checked here once, whatever the form: control characters are refused everywhere, and line
/// breaks are refused unless the field is a multi-line one (<c>[DataType(DataType.MultilineText)]</c>). Names and subjects
/// end up in mail headers, where a line break would let someone add headers of their own.
/// </summary>
public sealed class SingleLineValidatorProvider : IModelValidatorProvider
{
    private static readonly TextValidator SingleLine = new(allowLineBreaks: false);
    private static readonly TextValidator MultiLine = new(allowLineBreaks: true);

    public void CreateValidators(ModelValidatorProviderContext context)
    {
        if (context.ModelMetadata.ModelType != typeof(string))
        {
            return;
        }
        var multiLine = context.ModelMetadata.DataTypeName == nameof(DataType.MultilineText);
        context.Results.Add(new ValidatorItem { Validator = multiLine ? MultiLine : SingleLine, IsReusable = true });
    }

    private sealed class TextValidator(bool allowLineBreaks) : IModelValidator
    {
        public IEnumerable<ModelValidationResult> Validate(ModelValidationContext context)
        {
            if (context.Model is not string text)
            {
                return [];
            }
            foreach (var c in text)
            {
                if (c is '\r' or '\n')
                {
                    if (!allowLineBreaks)
                    {
                        return [new ModelValidationResult("", "Ce champ tient sur une seule ligne : retirez les retours à la ligne.")];
                    }
                }
                else if (char.IsControl(c) && c != '\t')
                {
                    return [new ModelValidationResult("", "Ce champ contient un caractère invisible non autorisé ; retapez-le.")];
                }
            }
            return [];
        }
    }
}
