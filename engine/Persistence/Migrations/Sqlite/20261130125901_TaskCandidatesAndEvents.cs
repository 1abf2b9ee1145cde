using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Decoupling.Engine.Persistence.Migrations.Sqlite
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
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Sequence",
                table: "wf_subscriptions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "wf_task_candidates",
                columns: table => new
                {
                    TaskId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Candidate = table.Column<string>(type: "TEXT", maxLength: 202, nullable: false),
                    Visible = table.Column<bool>(type: "INTEGER", nullable: false),
                    Urgency = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Shared = table.Column<bool>(type: "INTEGER", nullable: false)
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
                WITH RECURSIVE split(id, prefix, rest, item, visible, urgency, created) AS (
                    SELECT "Id", 'u:', substr("CandidateUsers", 2), NULL, "Assignee" IS NULL, CASE WHEN "Priority" > 50 THEN 0 ELSE 1 END, "CreatedAt"
                    FROM wf_tasks WHERE "State" = 'Open' AND "CandidateUsers" <> ''
                    UNION ALL
                    SELECT "Id", 'g:', substr("CandidateGroups", 2), NULL, "Assignee" IS NULL, CASE WHEN "Priority" > 50 THEN 0 ELSE 1 END, "CreatedAt"
                    FROM wf_tasks WHERE "State" = 'Open' AND "CandidateGroups" <> ''
                    UNION ALL
                    SELECT id, prefix, substr(rest, instr(rest, ',') + 1), substr(rest, 1, instr(rest, ',') - 1), visible, urgency, created
                    FROM split WHERE instr(rest, ',') > 0
                )
                INSERT OR IGNORE INTO wf_task_candidates ("TaskId", "Candidate", "Visible", "Urgency", "CreatedAt", "Shared")
                SELECT id, prefix || item, visible, urgency, created, 0 FROM split WHERE item IS NOT NULL AND item <> '';
                INSERT OR IGNORE INTO wf_task_candidates ("TaskId", "Candidate", "Visible", "Urgency", "CreatedAt", "Shared")
                SELECT "Id", 'a:' || "Assignee", 1, CASE WHEN "Priority" > 50 THEN 0 ELSE 1 END, "CreatedAt", 0
                FROM wf_tasks WHERE "State" = 'Open' AND "Assignee" IS NOT NULL;
                UPDATE wf_task_candidates SET "Shared" = 1
                WHERE "Candidate" NOT LIKE 'a:%'
                  AND (SELECT count(*) FROM wf_task_candidates AS d WHERE d."TaskId" = wf_task_candidates."TaskId" AND d."Candidate" NOT LIKE 'a:%') > 1;
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
