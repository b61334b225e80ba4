using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Data.Seeding;

/// <summary>
/// An annual assembly convened for next month, with its three resolutions, an election of the bureau (two candidates) and an amendment decided per collège,
/// the demo adherents convened, one coming and one giving a proxy; a bureau meeting in preparation; and last month's bureau
/// meeting, held, with a decision for an adherent on the first fiche action and its minutes in draft; a working group on
/// that fiche (led by the second bureau member, the demo doctor a member, the demo adherent asking to join) whose meeting of
/// last week the doctor attended, so that his hours wait for him to confirm. Written directly (no mail leaves for demo people).
/// </summary>
public sealed class DemoMeetingsSeeder(AposartDbContext db, TimeProvider clock)
{
    public async Task SeedAsync(IReadOnlyDictionary<string, Guid> demoUsers, CancellationToken cancellationToken = default)
    {
        if (await db.Meetings.AnyAsync(cancellationToken))
        {
            return;
        }
        var now = clock.GetUtcNow();
        var day = DateOnly.FromDateTime(now.ToParis().DateTime).AddDays(25);
        var assembly = new Meeting
        {
            Id = Guid.CreateVersion7(), Kind = MeetingKind.OrdinaryAssembly, Title = $"Assemblée générale ordinaire {day.Year}",
            StartsAt = ParisTime.FromParis(day, new TimeOnly(19, 0)), EndsAt = ParisTime.FromParis(day, new TimeOnly(21, 0)),
            Place = "Maison des associations, salle 2", VideoLink = "https://visio.example.org/ag-cpts",
            Agenda = "1. Rapport moral de la présidence\n2. Rapport d'activité et indicateurs des fiches action\n3. Comptes de l'exercice\n4. Cotisations de l'an prochain\n5. Élection du bureau\n6. Modification des statuts\n7. Questions diverses",
            Status = MeetingStatus.Convened, ConvenedAt = now.AddDays(-2), ConvenedByName = "Bastien Bureau",
            Resolutions =
            [
                new Resolution { Number = 1, Title = "Approbation du rapport d'activité", Majority = MajorityRule.SimpleOfCast },
                new Resolution { Number = 2, Title = "Approbation des comptes de l'exercice", Majority = MajorityRule.SimpleOfCast },
                new Resolution
                {
                    Number = 3, Title = "Cotisations de l'an prochain", Kind = ResolutionKind.Fees, Majority = MajorityRule.SimpleOfCast,
                    Text = "L'assemblée fixe la cotisation individuelle à 20 € et celle des structures à 50 €.", IndividualFee = 20m, StructureFee = 50m,
                },
                new Resolution
                {
                    Number = 4, Title = "Élection du bureau", Kind = ResolutionKind.Election, Majority = MajorityRule.SimpleOfCast, Seats = 3, RenewsBoard = true,
                    Text = "Le bureau est renouvelé en entier pour trois ans.",
                },
                new Resolution
                {
                    Number = 5, Title = "Modification des statuts : composition des collèges", Majority = MajorityRule.TwoThirdsOfCast, PerCollege = true,
                    Text = "Les statuts pondèrent les collèges : la modification doit réunir les deux tiers des suffrages exprimés dans chaque collège.",
                },
            ],
        };
        var names = await db.Users.Where(u => demoUsers.Values.Contains(u.Id)).ToDictionaryAsync(u => u.Id, cancellationToken);
        // Each convened adherent stands in the collège of their latest membership, as a convocation would have recorded.
        var colleges = (await db.Memberships.AsNoTracking().Where(m => demoUsers.Values.Contains(m.Professional!.UserId!.Value)).OrderBy(m => m.Year)
            .Select(m => new { UserId = m.Professional!.UserId!.Value, m.CollegeId, m.College!.Name }).ToListAsync(cancellationToken))
            .GroupBy(m => m.UserId).ToDictionary(g => g.Key, g => g.Last());
        MeetingInvitee? holder = null;
        foreach (var email in new[] { "bureau@demo.aposart.fr", "bureau2@demo.aposart.fr", "membre@demo.aposart.fr", "medecin@demo.aposart.fr" })
        {
            if (!demoUsers.TryGetValue(email, out var id) || !names.TryGetValue(id, out var user))
            {
                continue;
            }
            var invitee = new MeetingInvitee
            {
                Id = Guid.CreateVersion7(), UserId = id, Name = user.DisplayName, Email = email, AttendanceCode = Convert.ToHexString(Guid.NewGuid().ToByteArray()),
                CollegeId = colleges.GetValueOrDefault(id)?.CollegeId, CollegeName = colleges.GetValueOrDefault(id)?.Name,
            };
            if (email == "bureau@demo.aposart.fr")
            {
                invitee.Answer = MeetingAnswer.Coming;
                invitee.AnsweredAt = now.AddDays(-1);
                holder = invitee;
            }
            else if (email == "medecin@demo.aposart.fr" && holder is not null)
            {
                invitee.Answer = MeetingAnswer.Proxy;
                invitee.ProxyHolderId = holder.Id;
                invitee.AnsweredAt = now.AddDays(-1);
            }
            assembly.Invitees.Add(invitee);
            if (email.StartsWith("bureau", StringComparison.Ordinal))
            {
                assembly.Resolutions[3].Candidates.Add(new Candidate { Id = Guid.CreateVersion7(), InviteeId = invitee.Id, Name = invitee.Name });
            }
        }
        var bureauDay = DateOnly.FromDateTime(now.ToParis().DateTime).AddDays(20);
        db.Meetings.AddRange(assembly, new Meeting
        {
            Id = Guid.CreateVersion7(), Kind = MeetingKind.Board, Title = "Réunion du bureau", Status = MeetingStatus.Draft,
            StartsAt = ParisTime.FromParis(bureauDay, new TimeOnly(20, 0)), EndsAt = ParisTime.FromParis(bureauDay, new TimeOnly(21, 30)),
            VideoLink = "https://visio.example.org/bureau", Agenda = "1. Préparation de l'assemblée générale\n2. Point sur les fiches action",
        });
        db.Meetings.Add(await HeldBureauMeetingAsync(demoUsers, names, now, cancellationToken));
        await SeedWorkingGroupAsync(demoUsers, names, now, cancellationToken);
        db.Meetings.Add(PublicEvening(now));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>An evening of exchanges next month, published on the agenda, with two registrations.</summary>
    private static Meeting PublicEvening(DateTimeOffset now)
    {
        var day = DateOnly.FromDateTime(now.ToParis().DateTime).AddDays(35);
        var evening = new Meeting
        {
            Id = Guid.CreateVersion7(), Kind = MeetingKind.Public, Title = "Soirée d'échanges : la douleur chronique", Status = MeetingStatus.Convened, Capacity = 40,
            StartsAt = ParisTime.FromParis(day, new TimeOnly(19, 30)), EndsAt = ParisTime.FromParis(day, new TimeOnly(21, 30)), Place = "Salle des fêtes",
            Agenda = "Médecins, pharmaciens, kinésithérapeutes, infirmiers et patients : comment mieux accompagner la douleur chronique sur le territoire.",
            ConvenedAt = now.AddDays(-3), ConvenedByName = "Coordination",
        };
        foreach (var (name, email, profession) in new[] { ("Lucie Exemple", "lucie.exemple@demo.aposart.fr", (Profession?)null), ("Hugo Exemple", "hugo.exemple@demo.aposart.fr", Profession.Pharmacist) })
        {
            evening.Registrations.Add(new PublicRegistration
            {
                Id = Guid.CreateVersion7(), Name = name, Email = email, Profession = profession, Status = PublicRegistrationStatus.Confirmed,
                Token = Convert.ToHexString(Guid.NewGuid().ToByteArray()), CreatedAt = now.AddDays(-2),
            });
        }
        return evening;
    }

    private async Task SeedWorkingGroupAsync(IReadOnlyDictionary<string, Guid> demoUsers, Dictionary<Guid, AppUser> names, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var fiche = await db.ActionSheets.OrderBy(a => a.Number).FirstOrDefaultAsync(cancellationToken);
        if (fiche is null || !demoUsers.TryGetValue("bureau2@demo.aposart.fr", out var lead) || !demoUsers.TryGetValue("medecin@demo.aposart.fr", out var doctor)
            || !demoUsers.TryGetValue("membre@demo.aposart.fr", out var member))
        {
            return;
        }
        var group = new WorkingGroup
        {
            Id = Guid.CreateVersion7(), Name = $"Groupe « {fiche.Title} »", ActionSheetId = fiche.Id, CreatedAt = now.AddDays(-60),
            Description = "Le groupe prépare et suit la fiche action : réunions mensuelles, en visioconférence le plus souvent.",
            Members =
            [
                new WorkingGroupMember { Id = Guid.CreateVersion7(), UserId = lead, Status = GroupMembershipStatus.Member, IsLead = true, RequestedAt = now.AddDays(-60), AcceptedAt = now.AddDays(-60), AcceptedByName = "Coordination" },
                new WorkingGroupMember { Id = Guid.CreateVersion7(), UserId = doctor, Status = GroupMembershipStatus.Member, RequestedAt = now.AddDays(-50), AcceptedAt = now.AddDays(-49), AcceptedByName = names[lead].DisplayName },
                new WorkingGroupMember { Id = Guid.CreateVersion7(), UserId = member, Status = GroupMembershipStatus.Requested, RequestedAt = now.AddDays(-2) },
            ],
        };
        db.WorkingGroups.Add(group);
        var day = DateOnly.FromDateTime(now.ToParis().DateTime).AddDays(-7);
        var meeting = new Meeting
        {
            Id = Guid.CreateVersion7(), Kind = MeetingKind.WorkingGroup, WorkingGroupId = group.Id, Title = "Réunion du groupe de travail", Status = MeetingStatus.Held,
            StartsAt = ParisTime.FromParis(day, new TimeOnly(20, 0)), EndsAt = ParisTime.FromParis(day, new TimeOnly(22, 0)),
            VideoLink = "https://visio.example.org/groupe", Agenda = "1. Point sur les créneaux publiés\n2. Relance des cabinets", ConvenedAt = now.AddDays(-20), ConvenedByName = "Coordination",
        };
        foreach (var id in new[] { lead, doctor })
        {
            meeting.Invitees.Add(new MeetingInvitee
            {
                Id = Guid.CreateVersion7(), UserId = id, Name = names[id].DisplayName, Email = names[id].Email ?? "", Answer = MeetingAnswer.Coming, Present = true,
                AttendanceCode = Convert.ToHexString(Guid.NewGuid().ToByteArray()),
            });
        }
        db.Meetings.Add(meeting);
    }

    private async Task<Meeting> HeldBureauMeetingAsync(IReadOnlyDictionary<string, Guid> demoUsers, Dictionary<Guid, AppUser> names, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var day = DateOnly.FromDateTime(now.ToParis().DateTime).AddDays(-30);
        var meeting = new Meeting
        {
            Id = Guid.CreateVersion7(), Kind = MeetingKind.Board, Title = "Réunion du bureau de rentrée", Status = MeetingStatus.Held,
            StartsAt = ParisTime.FromParis(day, new TimeOnly(20, 0)), EndsAt = ParisTime.FromParis(day, new TimeOnly(21, 30)),
            Place = "Maison des associations, salle 1", Agenda = "1. Campagne de vaccination antigrippale\n2. Questions diverses",
            ConvenedAt = now.AddDays(-45), ConvenedByName = "Bastien Bureau",
        };
        foreach (var email in new[] { "bureau@demo.aposart.fr", "bureau2@demo.aposart.fr" })
        {
            if (demoUsers.TryGetValue(email, out var id) && names.TryGetValue(id, out var user))
            {
                meeting.Invitees.Add(new MeetingInvitee
                {
                    Id = Guid.CreateVersion7(), UserId = id, Name = user.DisplayName, Email = email, Answer = MeetingAnswer.Coming, Present = true,
                    AttendanceCode = Convert.ToHexString(Guid.NewGuid().ToByteArray()),
                });
            }
        }
        var fiche = await db.ActionSheets.OrderBy(a => a.Number).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(cancellationToken);
        if (demoUsers.TryGetValue("membre@demo.aposart.fr", out var member) && names.TryGetValue(member, out var memberUser))
        {
            meeting.Tasks.Add(new MeetingTask
            {
                Id = Guid.CreateVersion7(), What = "Relancer les pharmacies pour les créneaux de vaccination", AssigneeId = member, AssigneeName = memberUser.DisplayName,
                DueOn = DateOnly.FromDateTime(now.ToParis().DateTime).AddDays(10), ActionSheetId = fiche, CreatedAt = now.AddDays(-30),
            });
        }
        meeting.Minutes = $"# {meeting.Title}\n\n## Présences\n\n- Présent·e·s : {string.Join(", ", meeting.Invitees.Select(i => i.Name))}\n\n"
            + "## Campagne de vaccination antigrippale\n\nLe bureau valide le calendrier des permanences et demande de relancer les pharmacies.\n";
        return meeting;
    }
}
