using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Aposart.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class MinutesAndTasks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "minutes",
                table: "meetings",
                type: "character varying(100000)",
                maxLength: 100000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "minutes_approved_at",
                table: "meetings",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "minutes_approved_by_name",
                table: "meetings",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "minutes_document_id",
                table: "meetings",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "minutes_public_at",
                table: "meetings",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "meeting_tasks",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    meeting_id = table.Column<Guid>(type: "uuid", nullable: false),
                    what = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    assignee_id = table.Column<Guid>(type: "uuid", nullable: true),
                    assignee_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    due_on = table.Column<DateOnly>(type: "date", nullable: true),
                    action_sheet_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    done_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    done_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_meeting_tasks", x => x.id);
                    table.ForeignKey(
                        name: "fk_meeting_tasks_action_sheets_action_sheet_id",
                        column: x => x.action_sheet_id,
                        principalTable: "action_sheets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_meeting_tasks_meetings_meeting_id",
                        column: x => x.meeting_id,
                        principalTable: "meetings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_meeting_tasks_users_assignee_id",
                        column: x => x.assignee_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "ix_meetings_minutes_document_id",
                table: "meetings",
                column: "minutes_document_id");

            migrationBuilder.CreateIndex(
                name: "ix_meeting_tasks_action_sheet_id",
                table: "meeting_tasks",
                column: "action_sheet_id");

            migrationBuilder.CreateIndex(
                name: "ix_meeting_tasks_assignee_id",
                table: "meeting_tasks",
                column: "assignee_id");

            migrationBuilder.CreateIndex(
                name: "ix_meeting_tasks_meeting_id",
                table: "meeting_tasks",
                column: "meeting_id");

            migrationBuilder.AddForeignKey(
                name: "fk_meetings_member_documents_minutes_document_id",
                table: "meetings",
                column: "minutes_document_id",
                principalTable: "member_documents",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_meetings_member_documents_minutes_document_id",
                table: "meetings");

            migrationBuilder.DropTable(
                name: "meeting_tasks");

            migrationBuilder.DropIndex(
                name: "ix_meetings_minutes_document_id",
                table: "meetings");

            migrationBuilder.DropColumn(
                name: "minutes",
                table: "meetings");

            migrationBuilder.DropColumn(
                name: "minutes_approved_at",
                table: "meetings");

            migrationBuilder.DropColumn(
                name: "minutes_approved_by_name",
                table: "meetings");

            migrationBuilder.DropColumn(
                name: "minutes_document_id",
                table: "meetings");

            migrationBuilder.DropColumn(
                name: "minutes_public_at",
                table: "meetings");
        }
    }
}
