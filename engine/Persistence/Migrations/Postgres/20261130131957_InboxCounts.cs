using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Decoupling.Engine.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InboxCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "wf_inbox_counts",
                columns: table => new
                {
                    Candidate = table.Column<string>(type: "character varying(202)", maxLength: 202, nullable: false),
                    Slot = table.Column<int>(type: "integer", nullable: false),
                    Count = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_wf_inbox_counts", x => new { x.Candidate, x.Slot });
                });

            // counters of the tasks already open (single-key visible rows), as the batched step keeps them from now on
            migrationBuilder.Sql(
                """
                INSERT INTO wf_inbox_counts ("Candidate", "Slot", "Count")
                SELECT "Candidate", 0, count(*) FROM wf_task_candidates WHERE "Visible" AND NOT "Shared" GROUP BY "Candidate";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "wf_inbox_counts");
        }
    }
}
