namespace Aposart.Web.Features.Register;

/// <summary>The addresses of the official register's page, written here once.</summary>
public static class RegisterLinks
{
    public const string Index = "/gestion/rpps";
    public const string Csv = "/gestion/rpps/registre.csv";
    public const string Census = "/gestion/rpps/recensement";
    public const string CensusCsv = "/gestion/rpps/recensement.csv";
    public const string CensusInvite = "/gestion/rpps/recensement/inviter";
    /// <summary>What the register says of one RPPS number, for the profile forms (any signed-in person).</summary>
    public const string Lookup = "/espace/registre-rpps";
}
