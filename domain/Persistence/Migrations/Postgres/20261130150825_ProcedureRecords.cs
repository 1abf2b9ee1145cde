using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Decoupling.Domain.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ProcedureRecords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<Guid>(
                name: "AssociationId",
                table: "Matters",
                type: "uuid",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uuid");

            migrationBuilder.AddColumn<string>(
                name: "Channel",
                table: "Matters",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "NotApplicable",
                table: "ChecklistItems",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "NotApplicableReason",
                table: "ChecklistItems",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReturnReason",
                table: "ChecklistItems",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReturnedBy",
                table: "ChecklistItems",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Exempt",
                table: "Associations",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "ExemptReason",
                table: "Associations",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AssociationRelationships",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AssociationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Agency = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SubordinateUnit = table.Column<bool>(type: "boolean", nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    EndedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssociationRelationships", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AuditFindings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AssociationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    AssetFindings = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    FundFindings = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Opinion = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    RectifyBy = table.Column<DateOnly>(type: "date", nullable: true),
                    RectificationReport = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    RecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditFindings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CaseRisks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AssociationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Risk = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Response = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Level = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Closed = table.Column<bool>(type: "boolean", nullable: false),
                    ClosingNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    RecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseRisks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EvaluationRecords",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Evaluator = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Findings = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    DistrictScore = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    ReportDocumentId = table.Column<Guid>(type: "uuid", nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvaluationRecords", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SupervisionItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TaskId = table.Column<Guid>(type: "uuid", nullable: false),
                    RootInstanceId = table.Column<Guid>(type: "uuid", nullable: false),
                    BusinessKey = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    TaskName = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Responsible = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    DueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    OverdueWorkingDays = table.Column<int>(type: "integer", nullable: false),
                    UrgeCount = table.Column<int>(type: "integer", nullable: false),
                    OpenedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ClosingNote = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupervisionItems", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AssociationRelationships_AssociationId",
                table: "AssociationRelationships",
                column: "AssociationId");

            migrationBuilder.CreateIndex(
                name: "IX_AuditFindings_AssociationId",
                table: "AuditFindings",
                column: "AssociationId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseRisks_AssociationId",
                table: "CaseRisks",
                column: "AssociationId");

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionItems_TaskId",
                table: "SupervisionItems",
                column: "TaskId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AssociationRelationships");

            migrationBuilder.DropTable(
                name: "AuditFindings");

            migrationBuilder.DropTable(
                name: "CaseRisks");

            migrationBuilder.DropTable(
                name: "EvaluationRecords");

            migrationBuilder.DropTable(
                name: "SupervisionItems");

            migrationBuilder.DropColumn(
                name: "Channel",
                table: "Matters");

            migrationBuilder.DropColumn(
                name: "NotApplicable",
                table: "ChecklistItems");

            migrationBuilder.DropColumn(
                name: "NotApplicableReason",
                table: "ChecklistItems");

            migrationBuilder.DropColumn(
                name: "ReturnReason",
                table: "ChecklistItems");

            migrationBuilder.DropColumn(
                name: "ReturnedBy",
                table: "ChecklistItems");

            migrationBuilder.DropColumn(
                name: "Exempt",
                table: "Associations");

            migrationBuilder.DropColumn(
                name: "ExemptReason",
                table: "Associations");

            migrationBuilder.AlterColumn<Guid>(
                name: "AssociationId",
                table: "Matters",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);
        }
    }
}
