using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Aposart.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class SettingsAndStatutesDocuments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_statutes_versions_label",
                table: "statutes_versions");

            migrationBuilder.AlterColumn<string>(
                name: "label",
                table: "statutes_versions",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(100)",
                oldMaxLength: 100);

            migrationBuilder.AddColumn<int>(
                name: "kind",
                table: "statutes_versions",
                type: "integer",
                nullable: false,
                // Every version stored so far is a version of the statutes (StatutesKind.Statutes).
                defaultValue: 1);

            migrationBuilder.AddColumn<byte[]>(
                name: "pdf",
                table: "statutes_versions",
                type: "bytea",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "uploaded_at",
                table: "statutes_versions",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "uploaded_by_name",
                table: "statutes_versions",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "settings_versions",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    section = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    value = table.Column<string>(type: "jsonb", nullable: false),
                    changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    changed_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    changed_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_settings_versions", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_statutes_versions_kind_label",
                table: "statutes_versions",
                columns: new[] { "kind", "label" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_settings_versions_section_id",
                table: "settings_versions",
                columns: new[] { "section", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "settings_versions");

            migrationBuilder.DropIndex(
                name: "ix_statutes_versions_kind_label",
                table: "statutes_versions");

            migrationBuilder.DropColumn(
                name: "kind",
                table: "statutes_versions");

            migrationBuilder.DropColumn(
                name: "pdf",
                table: "statutes_versions");

            migrationBuilder.DropColumn(
                name: "uploaded_at",
                table: "statutes_versions");

            migrationBuilder.DropColumn(
                name: "uploaded_by_name",
                table: "statutes_versions");

            migrationBuilder.AlterColumn<string>(
                name: "label",
                table: "statutes_versions",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200);

            migrationBuilder.CreateIndex(
                name: "ix_statutes_versions_label",
                table: "statutes_versions",
                column: "label",
                unique: true);
        }
    }
}
