using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Decoupling.Engine.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TaskCandidatesAndEvents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DataJson",
                table: "wf_subscriptions",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Sequence",
                table: "wf_subscriptions",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "wf_task_candidates",
                columns: table => new
                {
                    TaskId = table.Column<Guid>(type: "uuid", nullable: false),
                    Candidate = table.Column<string>(type: "character varying(202)", maxLength: 202, nullable: false),
                    Visible = table.Column<bool>(type: "boolean", nullable: false),
                    Urgency = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Shared = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_wf_task_candidates", x => new { x.TaskId, x.Candidate });
                });

            migrationBuilder.CreateIndex(
                name: "IX_wf_task_candidates_count",
                table: "wf_task_candidates",
                columns: new[] { "Candidate", "Shared", "TaskId" },
                filter: "\"Visible\"");

            migrationBuilder.CreateIndex(
                name: "IX_wf_task_candidates_inbox",
                table: "wf_task_candidates",
                columns: new[] { "Candidate", "Urgency", "CreatedAt", "TaskId" },
                filter: "\"Visible\"");

            // open tasks of an existing database get their inbox rows (the assignee's, or the candidates' while unassigned)
            migrationBuilder.Sql(
                """
                INSERT INTO wf_task_candidates ("TaskId", "Candidate", "Visible", "Urgency", "CreatedAt", "Shared")
                SELECT t."Id", c.key, c.visible, CASE WHEN t."Priority" > 50 THEN 0 ELSE 1 END, t."CreatedAt", false
                FROM wf_tasks AS t CROSS JOIN LATERAL (
                    SELECT 'u:' || x AS key, t."Assignee" IS NULL AS visible FROM unnest(string_to_array(t."CandidateUsers", ',')) AS x WHERE x <> ''
                    UNION SELECT 'g:' || x, t."Assignee" IS NULL FROM unnest(string_to_array(t."CandidateGroups", ',')) AS x WHERE x <> ''
                    UNION SELECT 'a:' || t."Assignee", true WHERE t."Assignee" IS NOT NULL
                ) AS c
                WHERE t."State" = 'Open'
                ON CONFLICT DO NOTHING;
                UPDATE wf_task_candidates AS c SET "Shared" = true
                WHERE c."Candidate" NOT LIKE 'a:%'
                  AND (SELECT count(*) FROM wf_task_candidates AS d WHERE d."TaskId" = c."TaskId" AND d."Candidate" NOT LIKE 'a:%') > 1;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "wf_task_candidates");

            migrationBuilder.DropColumn(
                name: "DataJson",
                table: "wf_subscriptions");

            migrationBuilder.DropColumn(
                name: "Sequence",
                table: "wf_subscriptions");
        }
    }
}
