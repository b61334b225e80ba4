using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Aposart.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class SnpSlots : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "snp_allowed",
                table: "professionals",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "snp_slots",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    professional_id = table.Column<Guid>(type: "uuid", nullable: false),
                    place = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    commune_insee = table.Column<string>(type: "character varying(5)", nullable: true),
                    starts_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    duration_minutes = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    given_reference = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    given_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    given_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    honoured = table.Column<bool>(type: "boolean", nullable: true),
                    outcome_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_snp_slots", x => x.id);
                    table.ForeignKey(
                        name: "fk_snp_slots_communes_commune_insee",
                        column: x => x.commune_insee,
                        principalTable: "communes",
                        principalColumn: "insee_code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_snp_slots_professionals_professional_id",
                        column: x => x.professional_id,
                        principalTable: "professionals",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_snp_slots_commune_insee",
                table: "snp_slots",
                column: "commune_insee");

            migrationBuilder.CreateIndex(
                name: "ix_snp_slots_professional_id_starts_at",
                table: "snp_slots",
                columns: new[] { "professional_id", "starts_at" });

            migrationBuilder.CreateIndex(
                name: "ix_snp_slots_status_starts_at",
                table: "snp_slots",
                columns: new[] { "status", "starts_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "snp_slots");

            migrationBuilder.DropColumn(
                name: "snp_allowed",
                table: "professionals");
        }
    }
}
