using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Aposart.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class RppsRegister : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "register_imports",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    file_name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    file_date = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    lines_read = table.Column<long>(type: "bigint", nullable: false),
                    entries_kept = table.Column<int>(type: "integer", nullable: false),
                    by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_register_imports", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "register_entries",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    import_id = table.Column<int>(type: "integer", nullable: false),
                    national_id = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    last_name = table.Column<string>(type: "text", nullable: false),
                    first_name = table.Column<string>(type: "text", nullable: false),
                    profession_code = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    profession_label = table.Column<string>(type: "text", nullable: false),
                    specialty_code = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    specialty_label = table.Column<string>(type: "text", nullable: false),
                    practice_mode = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    profession = table.Column<int>(type: "integer", nullable: true),
                    site = table.Column<string>(type: "text", nullable: false),
                    street = table.Column<string>(type: "text", nullable: false),
                    postcode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    commune_code = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    commune_name = table.Column<string>(type: "text", nullable: false),
                    telephone = table.Column<string>(type: "text", nullable: false),
                    email = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_register_entries", x => x.id);
                    table.ForeignKey(
                        name: "fk_register_entries_register_imports_import_id",
                        column: x => x.import_id,
                        principalTable: "register_imports",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_register_entries_commune_code_profession",
                table: "register_entries",
                columns: new[] { "commune_code", "profession" });

            migrationBuilder.CreateIndex(
                name: "ix_register_entries_import_id",
                table: "register_entries",
                column: "import_id");

            migrationBuilder.CreateIndex(
                name: "ix_register_entries_national_id",
                table: "register_entries",
                column: "national_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "register_entries");

            migrationBuilder.DropTable(
                name: "register_imports");
        }
    }
}
