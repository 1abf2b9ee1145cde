using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Decoupling.Domain.Persistence.Migrations.Sqlite
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
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AddColumn<bool>(
                name: "NotApplicable",
                table: "ChecklistItems",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "NotApplicableReason",
                table: "ChecklistItems",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReturnReason",
                table: "ChecklistItems",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReturnedBy",
                table: "ChecklistItems",
                type: "TEXT",
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
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "TEXT",
                oldNullable: true);
        }
    }
}
