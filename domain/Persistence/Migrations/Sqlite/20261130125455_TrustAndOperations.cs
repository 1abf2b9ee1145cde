using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Decoupling.Domain.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TrustAndOperations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Algorithm",
                table: "SealConfirmations",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "KeyId",
                table: "SealConfirmations",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "PublicKey",
                table: "SealConfirmations",
                type: "TEXT",
                maxLength: 130,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<Guid>(
                name: "SealedDocumentId",
                table: "SealConfirmations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Signature",
                table: "SealConfirmations",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "SignedContent",
                table: "SealConfirmations",
                type: "TEXT",
                maxLength: 2000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Sm3",
                table: "SealConfirmations",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Sm3",
                table: "Documents",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Algorithm",
                table: "AuditLog",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "SHA-256");

            migrationBuilder.CreateTable(
                name: "OutboxMessages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    PayloadJson = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AvailableAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LockedUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    LockedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    DeliveredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboxMessages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SecurityPolicies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    IdleTimeoutMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    PasswordMinLength = table.Column<int>(type: "INTEGER", nullable: false),
                    MaxFailedAccessAttempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LockoutMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SecurityPolicies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "UnitKeys",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DepartmentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AssociationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    UnitName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PublicKey = table.Column<string>(type: "TEXT", maxLength: 130, nullable: false),
                    KeyId = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    EncryptedPrivateKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UnitKeys", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_DeliveredAt_AvailableAt",
                table: "OutboxMessages",
                columns: new[] { "DeliveredAt", "AvailableAt" });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_Key",
                table: "OutboxMessages",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_UnitKeys_AssociationId",
                table: "UnitKeys",
                column: "AssociationId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_UnitKeys_DepartmentId",
                table: "UnitKeys",
                column: "DepartmentId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_UnitKeys_KeyId",
                table: "UnitKeys",
                column: "KeyId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OutboxMessages");

            migrationBuilder.DropTable(
                name: "SecurityPolicies");

            migrationBuilder.DropTable(
                name: "UnitKeys");

            migrationBuilder.DropColumn(
                name: "Algorithm",
                table: "SealConfirmations");

            migrationBuilder.DropColumn(
                name: "KeyId",
                table: "SealConfirmations");

            migrationBuilder.DropColumn(
                name: "PublicKey",
                table: "SealConfirmations");

            migrationBuilder.DropColumn(
                name: "SealedDocumentId",
                table: "SealConfirmations");

            migrationBuilder.DropColumn(
                name: "Signature",
                table: "SealConfirmations");

            migrationBuilder.DropColumn(
                name: "SignedContent",
                table: "SealConfirmations");

            migrationBuilder.DropColumn(
                name: "Sm3",
                table: "SealConfirmations");

            migrationBuilder.DropColumn(
                name: "Sm3",
                table: "Documents");

            migrationBuilder.DropColumn(
                name: "Algorithm",
                table: "AuditLog");
        }
    }
}
