using System.ComponentModel.DataAnnotations;

namespace Aposart.Web.Infrastructure.Web;

/// <summary>A telephone number as people type it: digits, spaces, dots, dashes, brackets and a leading +.</summary>
public sealed class PhoneNumberAttribute() : RegularExpressionAttribute(@"^[0-9 +().-]{6,30}$")
{
    public override string FormatErrorMessage(string name) => "Un numéro de téléphone, par exemple 01 34 83 00 00.";
}
