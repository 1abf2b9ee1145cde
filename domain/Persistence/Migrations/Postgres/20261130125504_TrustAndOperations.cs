using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Decoupling.Domain.Persistence.Migrations.Postgres
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
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "KeyId",
                table: "SealConfirmations",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "PublicKey",
                table: "SealConfirmations",
                type: "character varying(130)",
                maxLength: 130,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<Guid>(
                name: "SealedDocumentId",
                table: "SealConfirmations",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Signature",
                table: "SealConfirmations",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "SignedContent",
                table: "SealConfirmations",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Sm3",
                table: "SealConfirmations",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Sm3",
                table: "Documents",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Algorithm",
                table: "AuditLog",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "SHA-256");

            migrationBuilder.CreateTable(
                name: "OutboxMessages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    PayloadJson = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AvailableAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LockedUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LockedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    DeliveredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastError = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboxMessages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SecurityPolicies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    IdleTimeoutMinutes = table.Column<int>(type: "integer", nullable: false),
                    PasswordMinLength = table.Column<int>(type: "integer", nullable: false),
                    MaxFailedAccessAttempts = table.Column<int>(type: "integer", nullable: false),
                    LockoutMinutes = table.Column<int>(type: "integer", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SecurityPolicies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "UnitKeys",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DepartmentId = table.Column<Guid>(type: "uuid", nullable: true),
                    AssociationId = table.Column<Guid>(type: "uuid", nullable: true),
                    UnitName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PublicKey = table.Column<string>(type: "character varying(130)", maxLength: 130, nullable: false),
                    KeyId = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    EncryptedPrivateKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
