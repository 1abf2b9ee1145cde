using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Decoupling.Engine.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SubscriptionInstanceIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_wf_subscriptions_InstanceId",
                table: "wf_subscriptions",
                column: "InstanceId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_wf_subscriptions_InstanceId",
                table: "wf_subscriptions");
        }
    }
}
