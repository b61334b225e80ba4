using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Aposart.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class GroupAudience : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "audience_working_group_id",
                table: "campaigns",
                type: "uuid",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "audience_working_group_id",
                table: "campaigns");
        }
    }
}
