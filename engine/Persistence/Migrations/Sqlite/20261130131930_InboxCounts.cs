using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Decoupling.Engine.Persistence.Migrations.Sqlite
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
                    Candidate = table.Column<string>(type: "TEXT", maxLength: 202, nullable: false),
                    Slot = table.Column<int>(type: "INTEGER", nullable: false),
                    Count = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_wf_inbox_counts", x => new { x.Candidate, x.Slot });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "wf_inbox_counts");
        }
    }
}
