using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Aposart.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class PublicMeetings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "capacity",
                table: "meetings",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "public_registrations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    meeting_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    profession = table.Column<int>(type: "integer", nullable: true),
                    status = table.Column<int>(type: "integer", nullable: false),
                    token = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    cancelled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    confirmed_from_waitlist_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_public_registrations", x => x.id);
                    table.ForeignKey(
                        name: "fk_public_registrations_meetings_meeting_id",
                        column: x => x.meeting_id,
                        principalTable: "meetings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_public_registrations_meeting_id_email",
                table: "public_registrations",
                columns: new[] { "meeting_id", "email" },
                unique: true,
                filter: "status <> 3");

            migrationBuilder.CreateIndex(
                name: "ix_public_registrations_token",
                table: "public_registrations",
                column: "token",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "public_registrations");

            migrationBuilder.DropColumn(
                name: "capacity",
                table: "meetings");
        }
    }
}
