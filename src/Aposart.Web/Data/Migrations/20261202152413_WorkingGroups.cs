using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Aposart.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class WorkingGroups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "working_group_id",
                table: "meetings",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "meeting_id",
                table: "compensation_entries",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "working_groups",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    action_sheet_id = table.Column<Guid>(type: "uuid", nullable: true),
                    open = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_working_groups", x => x.id);
                    table.ForeignKey(
                        name: "fk_working_groups_action_sheets_action_sheet_id",
                        column: x => x.action_sheet_id,
                        principalTable: "action_sheets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "working_group_members",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    group_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    is_lead = table.Column<bool>(type: "boolean", nullable: false),
                    requested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    accepted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    accepted_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_working_group_members", x => x.id);
                    table.ForeignKey(
                        name: "fk_working_group_members_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_working_group_members_working_groups_group_id",
                        column: x => x.group_id,
                        principalTable: "working_groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_meetings_working_group_id",
                table: "meetings",
                column: "working_group_id");

            migrationBuilder.CreateIndex(
                name: "ix_compensation_entries_meeting_id",
                table: "compensation_entries",
                column: "meeting_id");

            migrationBuilder.CreateIndex(
                name: "ix_compensation_entries_professional_id_meeting_id",
                table: "compensation_entries",
                columns: new[] { "professional_id", "meeting_id" },
                unique: true,
                filter: "meeting_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_working_group_members_group_id_user_id",
                table: "working_group_members",
                columns: new[] { "group_id", "user_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_working_group_members_user_id",
                table: "working_group_members",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_working_groups_action_sheet_id",
                table: "working_groups",
                column: "action_sheet_id");

            migrationBuilder.CreateIndex(
                name: "ix_working_groups_name",
                table: "working_groups",
                column: "name",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "fk_compensation_entries_meetings_meeting_id",
                table: "compensation_entries",
                column: "meeting_id",
                principalTable: "meetings",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "fk_meetings_working_groups_working_group_id",
                table: "meetings",
                column: "working_group_id",
                principalTable: "working_groups",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_compensation_entries_meetings_meeting_id",
                table: "compensation_entries");

            migrationBuilder.DropForeignKey(
                name: "fk_meetings_working_groups_working_group_id",
                table: "meetings");

            migrationBuilder.DropTable(
                name: "working_group_members");

            migrationBuilder.DropTable(
                name: "working_groups");

            migrationBuilder.DropIndex(
                name: "ix_meetings_working_group_id",
                table: "meetings");

            migrationBuilder.DropIndex(
                name: "ix_compensation_entries_meeting_id",
                table: "compensation_entries");

            migrationBuilder.DropIndex(
                name: "ix_compensation_entries_professional_id_meeting_id",
                table: "compensation_entries");

            migrationBuilder.DropColumn(
                name: "working_group_id",
                table: "meetings");

            migrationBuilder.DropColumn(
                name: "meeting_id",
                table: "compensation_entries");
        }
    }
}
