using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Aposart.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class SpreadsheetImport : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "awaiting_consent",
                table: "professionals",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "outbox_message_id",
                table: "invitations",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "professional_id",
                table: "invitations",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "spreadsheet_import_id",
                table: "invitations",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "spreadsheet_imports",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    file_name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    file_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: true),
                    setup = table.Column<string>(type: "jsonb", nullable: false),
                    corrections = table.Column<string>(type: "jsonb", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    committed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    committed_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    created = table.Column<int>(type: "integer", nullable: false),
                    updated = table.Column<int>(type: "integer", nullable: false),
                    unchanged = table.Column<int>(type: "integer", nullable: false),
                    skipped = table.Column<int>(type: "integer", nullable: false),
                    memberships_recorded = table.Column<int>(type: "integer", nullable: false),
                    invitations_sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_spreadsheet_imports", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "spreadsheet_import_lines",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    import_id = table.Column<int>(type: "integer", nullable: false),
                    row_number = table.Column<int>(type: "integer", nullable: false),
                    outcome = table.Column<int>(type: "integer", nullable: false),
                    professional_id = table.Column<Guid>(type: "uuid", nullable: true),
                    name = table.Column<string>(type: "character varying(250)", maxLength: 250, nullable: false),
                    details = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_spreadsheet_import_lines", x => x.id);
                    table.ForeignKey(
                        name: "fk_spreadsheet_import_lines_professionals_professional_id",
                        column: x => x.professional_id,
                        principalTable: "professionals",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_spreadsheet_import_lines_spreadsheet_imports_import_id",
                        column: x => x.import_id,
                        principalTable: "spreadsheet_imports",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_invitations_professional_id",
                table: "invitations",
                column: "professional_id");

            migrationBuilder.CreateIndex(
                name: "ix_invitations_spreadsheet_import_id",
                table: "invitations",
                column: "spreadsheet_import_id");

            migrationBuilder.CreateIndex(
                name: "ix_spreadsheet_import_lines_import_id_row_number",
                table: "spreadsheet_import_lines",
                columns: new[] { "import_id", "row_number" });

            migrationBuilder.CreateIndex(
                name: "ix_spreadsheet_import_lines_professional_id",
                table: "spreadsheet_import_lines",
                column: "professional_id");

            migrationBuilder.CreateIndex(
                name: "ix_spreadsheet_imports_file_hash",
                table: "spreadsheet_imports",
                column: "file_hash");

            migrationBuilder.AddForeignKey(
                name: "fk_invitations_professionals_professional_id",
                table: "invitations",
                column: "professional_id",
                principalTable: "professionals",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_invitations_professionals_professional_id",
                table: "invitations");

            migrationBuilder.DropTable(
                name: "spreadsheet_import_lines");

            migrationBuilder.DropTable(
                name: "spreadsheet_imports");

            migrationBuilder.DropIndex(
                name: "ix_invitations_professional_id",
                table: "invitations");

            migrationBuilder.DropIndex(
                name: "ix_invitations_spreadsheet_import_id",
                table: "invitations");

            migrationBuilder.DropColumn(
                name: "awaiting_consent",
                table: "professionals");

            migrationBuilder.DropColumn(
                name: "outbox_message_id",
                table: "invitations");

            migrationBuilder.DropColumn(
                name: "professional_id",
                table: "invitations");

            migrationBuilder.DropColumn(
                name: "spreadsheet_import_id",
                table: "invitations");
        }
    }
}
