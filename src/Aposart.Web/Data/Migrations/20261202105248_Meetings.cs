using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Aposart.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Meetings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "meetings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    starts_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ends_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    place = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    video_link = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    agenda = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    convened_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    convened_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    reminder_sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_meetings", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "meeting_invitees",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    meeting_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    college_id = table.Column<int>(type: "integer", nullable: true),
                    college_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    answer = table.Column<int>(type: "integer", nullable: false),
                    proxy_holder_id = table.Column<Guid>(type: "uuid", nullable: true),
                    answered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    present = table.Column<bool>(type: "boolean", nullable: false),
                    presence_marked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    attendance_code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_meeting_invitees", x => x.id);
                    table.ForeignKey(
                        name: "fk_meeting_invitees_meeting_invitees_proxy_holder_id",
                        column: x => x.proxy_holder_id,
                        principalTable: "meeting_invitees",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_meeting_invitees_meetings_meeting_id",
                        column: x => x.meeting_id,
                        principalTable: "meetings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_meeting_invitees_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "resolutions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    meeting_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    text = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    majority = table.Column<int>(type: "integer", nullable: false),
                    individual_fee = table.Column<decimal>(type: "numeric(10,2)", precision: 10, scale: 2, nullable: true),
                    structure_fee = table.Column<decimal>(type: "numeric(10,2)", precision: 10, scale: 2, nullable: true),
                    vote_status = table.Column<int>(type: "integer", nullable: false),
                    vote_opened_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    vote_closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    room_for = table.Column<int>(type: "integer", nullable: false),
                    room_against = table.Column<int>(type: "integer", nullable: false),
                    room_abstain = table.Column<int>(type: "integer", nullable: false),
                    result_for = table.Column<int>(type: "integer", nullable: true),
                    result_against = table.Column<int>(type: "integer", nullable: true),
                    result_abstain = table.Column<int>(type: "integer", nullable: true),
                    result_represented = table.Column<int>(type: "integer", nullable: true),
                    adopted = table.Column<bool>(type: "boolean", nullable: true),
                    applied_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    applied_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_resolutions", x => x.id);
                    table.ForeignKey(
                        name: "fk_resolutions_meetings_meeting_id",
                        column: x => x.meeting_id,
                        principalTable: "meetings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ballot_casts",
                columns: table => new
                {
                    resolution_id = table.Column<Guid>(type: "uuid", nullable: false),
                    for_invitee_id = table.Column<Guid>(type: "uuid", nullable: false),
                    by_invitee_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ballot_casts", x => new { x.resolution_id, x.for_invitee_id });
                    table.ForeignKey(
                        name: "fk_ballot_casts_meeting_invitees_by_invitee_id",
                        column: x => x.by_invitee_id,
                        principalTable: "meeting_invitees",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_ballot_casts_meeting_invitees_for_invitee_id",
                        column: x => x.for_invitee_id,
                        principalTable: "meeting_invitees",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_ballot_casts_resolutions_resolution_id",
                        column: x => x.resolution_id,
                        principalTable: "resolutions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ballots",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    resolution_id = table.Column<Guid>(type: "uuid", nullable: false),
                    choice = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ballots", x => x.id);
                    table.ForeignKey(
                        name: "fk_ballots_resolutions_resolution_id",
                        column: x => x.resolution_id,
                        principalTable: "resolutions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_ballot_casts_by_invitee_id",
                table: "ballot_casts",
                column: "by_invitee_id");

            migrationBuilder.CreateIndex(
                name: "ix_ballot_casts_for_invitee_id",
                table: "ballot_casts",
                column: "for_invitee_id");

            migrationBuilder.CreateIndex(
                name: "ix_ballots_resolution_id",
                table: "ballots",
                column: "resolution_id");

            migrationBuilder.CreateIndex(
                name: "ix_meeting_invitees_attendance_code",
                table: "meeting_invitees",
                column: "attendance_code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_meeting_invitees_meeting_id_user_id",
                table: "meeting_invitees",
                columns: new[] { "meeting_id", "user_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_meeting_invitees_proxy_holder_id",
                table: "meeting_invitees",
                column: "proxy_holder_id");

            migrationBuilder.CreateIndex(
                name: "ix_meeting_invitees_user_id",
                table: "meeting_invitees",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_meetings_starts_at",
                table: "meetings",
                column: "starts_at");

            migrationBuilder.CreateIndex(
                name: "ix_resolutions_meeting_id_number",
                table: "resolutions",
                columns: new[] { "meeting_id", "number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ballot_casts");

            migrationBuilder.DropTable(
                name: "ballots");

            migrationBuilder.DropTable(
                name: "meeting_invitees");

            migrationBuilder.DropTable(
                name: "resolutions");

            migrationBuilder.DropTable(
                name: "meetings");
        }
    }
}
