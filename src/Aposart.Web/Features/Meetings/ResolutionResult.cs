using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Web;

namespace Aposart.Web.Features.Meetings;

/// <summary>A closed vote's result in one French sentence: on the meeting's page, the adherent's page and the minutes.</summary>
public static class ResolutionResult
{
    public static string Summary(Resolution r)
    {
        if (r.VoteStatus != VoteStatus.Closed)
        {
            return "Vote non clos.";
        }
        if (r.Kind != ResolutionKind.Election)
        {
            var overall = $"{(r.Adopted == true ? "Adoptée" : "Rejetée")} : {r.ResultFor} pour, {r.ResultAgainst} contre, {r.ResultAbstain} abstention(s).";
            return r.PerCollege
                ? $"{overall} Majorité requise dans chaque collège : {string.Join(" ; ", Ordered(r.CollegeVotes).Select(c =>
                    $"{c.CollegeName} {Verdict(c)} ({c.ResultFor} pour, {c.ResultAgainst} contre, {c.ResultAbstain} abstention(s))"))}."
                : overall;
        }
        static string Voices(Candidate c) => $"{c.Name} ({c.Votes} voix)";
        var ranked = Ranked(r.Candidates).ToList();
        var elected = ranked.Where(c => c.Elected).ToList();
        var parts = new List<string>
        {
            elected.Count > 0 ? $"Élu·e(s) : {string.Join(", ", elected.Select(Voices))}." : "Personne n'est élu.",
        };
        if (ranked.Where(c => !c.Elected).Select(Voices).ToList() is { Count: > 0 } others)
        {
            parts.Add($"Non élu·e(s) : {string.Join(", ", others)}.");
        }
        if (elected.Count < (r.Seats ?? 0) && ranked.Count > elected.Count && ranked[elected.Count].Votes > 0)
        {
            parts.Add("Égalité de voix pour le dernier siège : un nouveau tour de scrutin est nécessaire.");
        }
        parts.Add($"{r.ResultAbstain} bulletin(s) blanc(s).");
        return string.Join(" ", parts);
    }

    public static readonly string[] CsvHeaders =
        ["N°", "Résolution", "Règle", "Collège ou candidat", "Pour", "Contre", "Abstentions ou bulletins blancs", "Membres présents, représentés ou ayant voté", "Résultat"];

    /// <summary>
    /// A resolution's lines in the results' export: the whole count, then each collège's (decided per collège) or each
    /// candidate's (an election).
    /// </summary>
    public static IEnumerable<IReadOnlyList<string?>> CsvRows(Resolution r)
    {
        var rule = r.Kind == ResolutionKind.Election ? $"Élection, {r.Seats} siège(s)" : r.Majority.Label() + (r.PerCollege ? ", dans chaque collège" : "");
        string? Count(int? value) => value?.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (r.VoteStatus != VoteStatus.Closed)
        {
            yield return [Count(r.Number), r.Title, rule, "Ensemble", null, null, null, null, "Vote non clos"];
            yield break;
        }
        var outcome = r.Kind == ResolutionKind.Election ? (r.Adopted == true ? "Élu·e(s)" : "Personne n'est élu") : r.Adopted == true ? "Adoptée" : "Rejetée";
        yield return [Count(r.Number), r.Title, rule, "Ensemble", Count(r.ResultFor), Count(r.ResultAgainst), Count(r.ResultAbstain), Count(r.ResultRepresented), outcome];
        foreach (var c in Ordered(r.CollegeVotes))
        {
            yield return [Count(r.Number), r.Title, rule, c.CollegeName, Count(c.ResultFor), Count(c.ResultAgainst), Count(c.ResultAbstain), Count(c.Represented),
                !c.Counts ? "Non compté : aucun de ses membres n'a pris part au vote" : c.Adopted ? "Majorité atteinte" : "Majorité non atteinte"];
        }
        foreach (var c in Ranked(r.Candidates))
        {
            yield return [Count(r.Number), r.Title, rule, c.Name, Count(c.Votes), null, null, null, c.Elected ? "Élu·e" : "Non élu·e"];
        }
    }

    /// <summary>A collège's majority, reached or not; a collège none of whose members took part is not counted.</summary>
    public static string Verdict(CollegeVote c) => !c.Counts ? "non compté, aucun de ses membres n'ayant pris part au vote" : c.Adopted ? "atteinte" : "non atteinte";

    /// <summary>An election's candidates, the most voted first, then by name.</summary>
    public static IEnumerable<Candidate> Ranked(IEnumerable<Candidate> candidates) =>
        candidates.OrderByDescending(c => c.Votes ?? 0).ThenBy(c => c.Name, ParisTime.FrenchOrder);

    /// <summary>The collèges in the order of their names, as everywhere the portal lists them.</summary>
    public static IEnumerable<CollegeVote> Ordered(IEnumerable<CollegeVote> votes) =>
        votes.OrderBy(c => c.CollegeName, ParisTime.FrenchOrder);
}
