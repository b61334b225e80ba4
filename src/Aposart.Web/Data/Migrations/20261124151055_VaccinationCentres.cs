using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Aposart.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class VaccinationCentres : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "crisis_alerts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    message = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    link_url = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    link_label = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    started_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ended_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_crisis_alerts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "vaccination_centres",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    address = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    commune_insee = table.Column<string>(type: "character varying(5)", nullable: true),
                    status = table.Column<int>(type: "integer", nullable: false),
                    booking_url = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    booking_phone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    who_may_come = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    documents_to_bring = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    published = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_vaccination_centres", x => x.id);
                    table.ForeignKey(
                        name: "fk_vaccination_centres_communes_commune_insee",
                        column: x => x.commune_insee,
                        principalTable: "communes",
                        principalColumn: "insee_code",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "centre_closure",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    centre_id = table.Column<Guid>(type: "uuid", nullable: false),
                    from = table.Column<DateOnly>(type: "date", nullable: false),
                    to = table.Column<DateOnly>(type: "date", nullable: false),
                    reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_centre_closure", x => x.id);
                    table.ForeignKey(
                        name: "fk_centre_closure_vaccination_centres_centre_id",
                        column: x => x.centre_id,
                        principalTable: "vaccination_centres",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "centre_opening",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    centre_id = table.Column<Guid>(type: "uuid", nullable: false),
                    day = table.Column<int>(type: "integer", nullable: false),
                    opens = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    closes = table.Column<TimeOnly>(type: "time without time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_centre_opening", x => x.id);
                    table.ForeignKey(
                        name: "fk_centre_opening_vaccination_centres_centre_id",
                        column: x => x.centre_id,
                        principalTable: "vaccination_centres",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "centre_shifts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    centre_id = table.Column<Guid>(type: "uuid", nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    starts = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    ends = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    role = table.Column<int>(type: "integer", nullable: false),
                    needed = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_centre_shifts", x => x.id);
                    table.ForeignKey(
                        name: "fk_centre_shifts_vaccination_centres_centre_id",
                        column: x => x.centre_id,
                        principalTable: "vaccination_centres",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "shift_signups",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    shift_id = table.Column<Guid>(type: "uuid", nullable: false),
                    professional_id = table.Column<Guid>(type: "uuid", nullable: false),
                    signed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    cancelled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    reminder_sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_shift_signups", x => x.id);
                    table.ForeignKey(
                        name: "fk_shift_signups_centre_shifts_shift_id",
                        column: x => x.shift_id,
                        principalTable: "centre_shifts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_shift_signups_professionals_professional_id",
                        column: x => x.professional_id,
                        principalTable: "professionals",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_centre_closure_centre_id",
                table: "centre_closure",
                column: "centre_id");

            migrationBuilder.CreateIndex(
                name: "ix_centre_opening_centre_id",
                table: "centre_opening",
                column: "centre_id");

            migrationBuilder.CreateIndex(
                name: "ix_centre_shifts_centre_id_date",
                table: "centre_shifts",
                columns: new[] { "centre_id", "date" });

            migrationBuilder.CreateIndex(
                name: "ix_crisis_alerts_ended_at",
                table: "crisis_alerts",
                column: "ended_at");

            migrationBuilder.CreateIndex(
                name: "ix_shift_signups_professional_id",
                table: "shift_signups",
                column: "professional_id");

            migrationBuilder.CreateIndex(
                name: "ix_shift_signups_shift_id_professional_id",
                table: "shift_signups",
                columns: new[] { "shift_id", "professional_id" },
                unique: true,
                filter: "cancelled_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_vaccination_centres_commune_insee",
                table: "vaccination_centres",
                column: "commune_insee");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "centre_closure");

            migrationBuilder.DropTable(
                name: "centre_opening");

            migrationBuilder.DropTable(
                name: "crisis_alerts");

            migrationBuilder.DropTable(
                name: "shift_signups");

            migrationBuilder.DropTable(
                name: "centre_shifts");

            migrationBuilder.DropTable(
                name: "vaccination_centres");
        }
    }
}
