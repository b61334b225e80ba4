using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Aposart.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Elections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "renews_board",
                table: "resolutions",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "seats",
                table: "resolutions",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "candidate_id",
                table: "ballots",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "candidates",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    resolution_id = table.Column<Guid>(type: "uuid", nullable: false),
                    invitee_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    room_votes = table.Column<int>(type: "integer", nullable: false),
                    votes = table.Column<int>(type: "integer", nullable: true),
                    elected = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_candidates", x => x.id);
                    table.ForeignKey(
                        name: "fk_candidates_meeting_invitees_invitee_id",
                        column: x => x.invitee_id,
                        principalTable: "meeting_invitees",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_candidates_resolutions_resolution_id",
                        column: x => x.resolution_id,
                        principalTable: "resolutions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_ballots_candidate_id",
                table: "ballots",
                column: "candidate_id");

            migrationBuilder.CreateIndex(
                name: "ix_candidates_invitee_id",
                table: "candidates",
                column: "invitee_id");

            migrationBuilder.CreateIndex(
                name: "ix_candidates_resolution_id_invitee_id",
                table: "candidates",
                columns: new[] { "resolution_id", "invitee_id" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "fk_ballots_candidates_candidate_id",
                table: "ballots",
                column: "candidate_id",
                principalTable: "candidates",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_ballots_candidates_candidate_id",
                table: "ballots");

            migrationBuilder.DropTable(
                name: "candidates");

            migrationBuilder.DropIndex(
                name: "ix_ballots_candidate_id",
                table: "ballots");

            migrationBuilder.DropColumn(
                name: "renews_board",
                table: "resolutions");

            migrationBuilder.DropColumn(
                name: "seats",
                table: "resolutions");

            migrationBuilder.DropColumn(
                name: "candidate_id",
                table: "ballots");
        }
    }
}
