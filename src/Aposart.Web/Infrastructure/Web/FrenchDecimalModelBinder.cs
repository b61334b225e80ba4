using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Aposart.Web.Infrastructure.Web;

/// <summary>French users type "20,50", others "20.50", some "1 200 €": all of them mean an amount.</summary>
public sealed class FrenchDecimalModelBinder : IModelBinder
{
    /// <summary>Marks a latitude or longitude (<c>[DataType(FrenchDecimalModelBinder.Coordinate)]</c>): same parsing, its own message.</summary>
    public const string Coordinate = "Coordinate";

    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        var result = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
        if (result == ValueProviderResult.None)
        {
            return Task.CompletedTask;
        }
        bindingContext.ModelState.SetModelValue(bindingContext.ModelName, result);
        var text = result.FirstValue;
        if (string.IsNullOrWhiteSpace(text))
        {
            if (!bindingContext.ModelMetadata.IsReferenceOrNullableType)
            {
                bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, "Saisissez un montant.");
            }
            return Task.CompletedTask;
        }
        var cleaned = new string(text.Where(c => !char.IsWhiteSpace(c) && c != '€').ToArray()).Replace(',', '.');
        if (cleaned.Length <= 20 && decimal.TryParse(cleaned, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            bindingContext.Result = ModelBindingResult.Success(value);
        }
        else
        {
            bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, bindingContext.ModelMetadata.DataTypeName == Coordinate
                ? $"« {text} » n'est pas une coordonnée : écrivez des degrés décimaux, par exemple 48,6435."
                : $"« {text} » n'est pas un montant : écrivez par exemple 20 ou 20,50.");
        }
        return Task.CompletedTask;
    }
}

public sealed class FrenchDecimalModelBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        Nullable.GetUnderlyingType(context.Metadata.ModelType) == typeof(decimal) || context.Metadata.ModelType == typeof(decimal)
            ? new FrenchDecimalModelBinder()
            : null;
}
