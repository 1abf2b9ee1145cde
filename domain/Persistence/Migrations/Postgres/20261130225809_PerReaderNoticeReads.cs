using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Decoupling.Domain.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PerReaderNoticeReads : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "NotificationReads",
                columns: table => new
                {
                    NotificationId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ReadAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NotificationReads", x => new { x.NotificationId, x.UserName });
                    table.ForeignKey(
                        name: "FK_NotificationReads_Notifications_NotificationId",
                        column: x => x.NotificationId,
                        principalTable: "Notifications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // the read state moves to a row per reader: a personal notice read before keeps its reader; a department
            // notice read before was read "for the department", so each present member of it keeps it read
            migrationBuilder.Sql(
                """
                INSERT INTO "NotificationReads" ("NotificationId", "UserName", "ReadAt")
                SELECT "Id", "RecipientUserId", COALESCE("ReadAt", "CreatedAt") FROM "Notifications"
                WHERE "IsRead" AND "RecipientUserId" IS NOT NULL;
                """);
            migrationBuilder.Sql(
                """
                INSERT INTO "NotificationReads" ("NotificationId", "UserName", "ReadAt")
                SELECT n."Id", u."UserName", COALESCE(n."ReadAt", n."CreatedAt")
                FROM "Notifications" n JOIN "AspNetUsers" u ON u."DepartmentId" = n."RecipientDepartmentId"
                WHERE n."IsRead" AND u."UserName" IS NOT NULL
                  AND NOT EXISTS (SELECT 1 FROM "NotificationReads" r WHERE r."NotificationId" = n."Id" AND r."UserName" = u."UserName");
                """);

            migrationBuilder.DropIndex(
                name: "IX_Notifications_RecipientDepartmentId",
                table: "Notifications");

            migrationBuilder.DropIndex(
                name: "IX_Notifications_RecipientUserId_IsRead",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "IsRead",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "ReadAt",
                table: "Notifications");


            migrationBuilder.CreateIndex(
                name: "IX_Notifications_RecipientDepartmentId_CreatedAt",
                table: "Notifications",
                columns: new[] { "RecipientDepartmentId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_RecipientUserId_CreatedAt",
                table: "Notifications",
                columns: new[] { "RecipientUserId", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

            migrationBuilder.DropIndex(
                name: "IX_Notifications_RecipientDepartmentId_CreatedAt",
                table: "Notifications");

            migrationBuilder.DropIndex(
                name: "IX_Notifications_RecipientUserId_CreatedAt",
                table: "Notifications");

            migrationBuilder.AddColumn<bool>(
                name: "IsRead",
                table: "Notifications",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ReadAt",
                table: "Notifications",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_RecipientDepartmentId",
                table: "Notifications",
                column: "RecipientDepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_RecipientUserId_IsRead",
                table: "Notifications",
                columns: new[] { "RecipientUserId", "IsRead" });

            // back to one read flag per notice: read when anyone has read it, at the first read
            migrationBuilder.Sql(
                """
                UPDATE "Notifications" SET "IsRead" = TRUE,
                    "ReadAt" = (SELECT MIN(r."ReadAt") FROM "NotificationReads" r WHERE r."NotificationId" = "Notifications"."Id")
                WHERE EXISTS (SELECT 1 FROM "NotificationReads" r WHERE r."NotificationId" = "Notifications"."Id");
                """);

            migrationBuilder.DropTable(
                name: "NotificationReads");
        }
    }
}
