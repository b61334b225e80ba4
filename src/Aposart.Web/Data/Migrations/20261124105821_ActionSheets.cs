using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Aposart.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ActionSheets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "action_sheets",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false, defaultValueSql: "gen_random_uuid()"),
                    number = table.Column<int>(type: "integer", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    mission = table.Column<int>(type: "integer", nullable: false),
                    theme = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    context = table.Column<string>(type: "text", nullable: true),
                    general_objective = table.Column<string>(type: "text", nullable: true),
                    operational_objectives = table.Column<string>(type: "text", nullable: true),
                    target_population = table.Column<string>(type: "text", nullable: true),
                    actors = table.Column<string>(type: "text", nullable: true),
                    partners = table.Column<string>(type: "text", nullable: true),
                    milestones = table.Column<string>(type: "text", nullable: true),
                    resources = table.Column<string>(type: "text", nullable: true),
                    regional_plan_link = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    local_contract_link = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    aci_link = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    status = table.Column<int>(type: "integer", nullable: false),
                    progress = table.Column<int>(type: "integer", nullable: false),
                    published = table.Column<bool>(type: "boolean", nullable: false),
                    public_summary = table.Column<string>(type: "text", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_action_sheets", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "action_changes",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    action_sheet_id = table.Column<Guid>(type: "uuid", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    field = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    old_value = table.Column<string>(type: "text", nullable: true),
                    new_value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_action_changes", x => x.id);
                    table.ForeignKey(
                        name: "fk_action_changes_action_sheets_action_sheet_id",
                        column: x => x.action_sheet_id,
                        principalTable: "action_sheets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "action_comments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    action_sheet_id = table.Column<Guid>(type: "uuid", nullable: false),
                    author_id = table.Column<Guid>(type: "uuid", nullable: true),
                    author_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_action_comments", x => x.id);
                    table.ForeignKey(
                        name: "fk_action_comments_action_sheets_action_sheet_id",
                        column: x => x.action_sheet_id,
                        principalTable: "action_sheets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "action_sheet_partners",
                columns: table => new
                {
                    action_sheet_id = table.Column<Guid>(type: "uuid", nullable: false),
                    partner_organisations_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_action_sheet_partners", x => new { x.action_sheet_id, x.partner_organisations_id });
                    table.ForeignKey(
                        name: "fk_action_sheet_partners_action_sheets_action_sheet_id",
                        column: x => x.action_sheet_id,
                        principalTable: "action_sheets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_action_sheet_partners_organisations_partner_organisations_id",
                        column: x => x.partner_organisations_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "action_sheet_pilots",
                columns: table => new
                {
                    action_sheet_id = table.Column<Guid>(type: "uuid", nullable: false),
                    pilots_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_action_sheet_pilots", x => new { x.action_sheet_id, x.pilots_id });
                    table.ForeignKey(
                        name: "fk_action_sheet_pilots_action_sheets_action_sheet_id",
                        column: x => x.action_sheet_id,
                        principalTable: "action_sheets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_action_sheet_pilots_professionals_pilots_id",
                        column: x => x.pilots_id,
                        principalTable: "professionals",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "action_steps",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    action_sheet_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    due_on = table.Column<DateOnly>(type: "date", nullable: true),
                    owner = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    status = table.Column<int>(type: "integer", nullable: false),
                    sort_order = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_action_steps", x => x.id);
                    table.ForeignKey(
                        name: "fk_action_steps_action_sheets_action_sheet_id",
                        column: x => x.action_sheet_id,
                        principalTable: "action_sheets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "budget_lines",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    action_sheet_id = table.Column<Guid>(type: "uuid", nullable: false),
                    label = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    amount = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    sort_order = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_budget_lines", x => x.id);
                    table.ForeignKey(
                        name: "fk_budget_lines_action_sheets_action_sheet_id",
                        column: x => x.action_sheet_id,
                        principalTable: "action_sheets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "indicators",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    action_sheet_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    unit = table.Column<int>(type: "integer", nullable: false),
                    is_ratio = table.Column<bool>(type: "boolean", nullable: false),
                    computation = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    baseline = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: true),
                    source = table.Column<int>(type: "integer", nullable: false),
                    sort_order = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_indicators", x => x.id);
                    table.ForeignKey(
                        name: "fk_indicators_action_sheets_action_sheet_id",
                        column: x => x.action_sheet_id,
                        principalTable: "action_sheets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "indicator_targets",
                columns: table => new
                {
                    indicator_id = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    value = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_indicator_targets", x => new { x.indicator_id, x.year });
                    table.ForeignKey(
                        name: "fk_indicator_targets_indicators_indicator_id",
                        column: x => x.indicator_id,
                        principalTable: "indicators",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "measurements",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    indicator_id = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    value = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    numerator = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: true),
                    denominator = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: true),
                    comment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    entered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    entered_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    entered_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_measurements", x => x.id);
                    table.ForeignKey(
                        name: "fk_measurements_indicators_indicator_id",
                        column: x => x.indicator_id,
                        principalTable: "indicators",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_action_changes_action_sheet_id_at",
                table: "action_changes",
                columns: new[] { "action_sheet_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_action_comments_action_sheet_id_at",
                table: "action_comments",
                columns: new[] { "action_sheet_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_action_sheet_partners_partner_organisations_id",
                table: "action_sheet_partners",
                column: "partner_organisations_id");

            migrationBuilder.CreateIndex(
                name: "ix_action_sheet_pilots_pilots_id",
                table: "action_sheet_pilots",
                column: "pilots_id");

            migrationBuilder.CreateIndex(
                name: "ix_action_sheets_mission_status",
                table: "action_sheets",
                columns: new[] { "mission", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_action_sheets_number",
                table: "action_sheets",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_action_steps_action_sheet_id",
                table: "action_steps",
                column: "action_sheet_id");

            migrationBuilder.CreateIndex(
                name: "ix_budget_lines_action_sheet_id",
                table: "budget_lines",
                column: "action_sheet_id");

            migrationBuilder.CreateIndex(
                name: "ix_indicators_action_sheet_id",
                table: "indicators",
                column: "action_sheet_id");

            migrationBuilder.CreateIndex(
                name: "ix_measurements_indicator_id_year",
                table: "measurements",
                columns: new[] { "indicator_id", "year" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "action_changes");

            migrationBuilder.DropTable(
                name: "action_comments");

            migrationBuilder.DropTable(
                name: "action_sheet_partners");

            migrationBuilder.DropTable(
                name: "action_sheet_pilots");

            migrationBuilder.DropTable(
                name: "action_steps");

            migrationBuilder.DropTable(
                name: "budget_lines");

            migrationBuilder.DropTable(
                name: "indicator_targets");

            migrationBuilder.DropTable(
                name: "measurements");

            migrationBuilder.DropTable(
                name: "indicators");

            migrationBuilder.DropTable(
                name: "action_sheets");
        }
    }
}
