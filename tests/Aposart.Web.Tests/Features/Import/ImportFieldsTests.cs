using Aposart.Web.Features.Import;

namespace Aposart.Web.Tests.Features.Import;

/// <summary>Column titles as CPTS spreadsheets write them, and the field the mapping screen proposes for each.</summary>
public sealed class ImportFieldsTests
{
    [Theory]
    [InlineData("Nom", ImportField.LastName)]
    [InlineData("NOM DE FAMILLE", ImportField.LastName)]
    [InlineData("Prénom", ImportField.FirstName)]
    [InlineData("Mail", ImportField.Email)]
    [InlineData("Adresse mail", ImportField.Email)]
    [InlineData("Tél.", ImportField.Phone)]
    [InlineData("Téléphone portable", ImportField.Phone)]
    [InlineData("Profession", ImportField.Profession)]
    [InlineData("N° RPPS", ImportField.Identifier)]
    [InlineData("Adresse du cabinet", ImportField.Address)]
    [InlineData("CP", ImportField.Postcode)]
    [InlineData("Commune", ImportField.Commune)]
    [InlineData("Ville", ImportField.Commune)]
    [InlineData("Collège", ImportField.College)]
    [InlineData("Cotisation 2026", ImportField.MembershipStatus)]
    [InlineData("Règlement cotisation 2026", ImportField.MembershipStatus)]
    [InlineData("Règlement", ImportField.PaymentMethod)]
    [InlineData("Mode de paiement", ImportField.PaymentMethod)]
    [InlineData("Montant versé", ImportField.AmountPaid)]
    [InlineData("Date de paiement", ImportField.PaidOn)]
    [InlineData("Année d'adhésion", ImportField.MembershipYear)]
    [InlineData("Structure", ImportField.Structure)]
    [InlineData("Remarques", ImportField.Ignore)]
    public void A_french_column_title_proposes_its_field(string header, ImportField expected) => Assert.Equal(expected, ImportFields.Guess(header));
}
