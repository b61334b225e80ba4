using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Aposart.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class OutboxReliability : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "sending_problem",
                table: "campaigns",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "sending_problem_at",
                table: "campaigns",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_pending_notices",
                table: "outbox_messages",
                column: "id",
                filter: "campaign_id IS NULL AND status = 0");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_outbox_messages_pending_notices",
                table: "outbox_messages");

            migrationBuilder.DropColumn(
                name: "sending_problem",
                table: "campaigns");

            migrationBuilder.DropColumn(
                name: "sending_problem_at",
                table: "campaigns");
        }
    }
}
