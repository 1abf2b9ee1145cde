using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Decoupling.Domain.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ChecklistNotApplicableReturnsAndFoundingMatters : Migration
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
