using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Aposart.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ResolutionsPerCollege : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "per_college",
                table: "resolutions",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "college_id",
                table: "ballots",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "college_votes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    resolution_id = table.Column<Guid>(type: "uuid", nullable: false),
                    college_id = table.Column<int>(type: "integer", nullable: true),
                    college_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    room_for = table.Column<int>(type: "integer", nullable: false),
                    room_against = table.Column<int>(type: "integer", nullable: false),
                    room_abstain = table.Column<int>(type: "integer", nullable: false),
                    result_for = table.Column<int>(type: "integer", nullable: false),
                    result_against = table.Column<int>(type: "integer", nullable: false),
                    result_abstain = table.Column<int>(type: "integer", nullable: false),
                    represented = table.Column<int>(type: "integer", nullable: false),
                    adopted = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_college_votes", x => x.id);
                    table.ForeignKey(
                        name: "fk_college_votes_resolutions_resolution_id",
                        column: x => x.resolution_id,
                        principalTable: "resolutions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_college_votes_resolution_id_college_id",
                table: "college_votes",
                columns: new[] { "resolution_id", "college_id" },
                unique: true)
                .Annotation("Npgsql:NullsDistinct", false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "college_votes");

            migrationBuilder.DropColumn(
                name: "per_college",
                table: "resolutions");

            migrationBuilder.DropColumn(
                name: "college_id",
                table: "ballots");
        }
    }
}
