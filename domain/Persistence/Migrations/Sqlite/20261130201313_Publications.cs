using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Decoupling.Domain.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Publications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Publications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    ToWholeDistrict = table.Column<bool>(type: "INTEGER", nullable: false),
                    AudienceUnitIds = table.Column<string>(type: "TEXT", nullable: false),
                    AttachmentDocumentIds = table.Column<string>(type: "TEXT", nullable: false),
                    CorrectsId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PublisherDepartmentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PublishedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    PublisherName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Publications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PublicationRecipients",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PublicationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssociationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SupervisoryUnitId = table.Column<Guid>(type: "TEXT", nullable: true),
                    FirstReadAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FirstReaderUserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    FirstReaderName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublicationRecipients", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PublicationRecipients_Publications_PublicationId",
                        column: x => x.PublicationId,
                        principalTable: "Publications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PublicationRecipients_AssociationId",
                table: "PublicationRecipients",
                column: "AssociationId");

            migrationBuilder.CreateIndex(
                name: "IX_PublicationRecipients_PublicationId_AssociationId",
                table: "PublicationRecipients",
                columns: new[] { "PublicationId", "AssociationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PublicationRecipients_SupervisoryUnitId",
                table: "PublicationRecipients",
                column: "SupervisoryUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_Publications_CorrectsId",
                table: "Publications",
                column: "CorrectsId");

            migrationBuilder.CreateIndex(
                name: "IX_Publications_PublishedAt",
                table: "Publications",
                column: "PublishedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PublicationRecipients");

            migrationBuilder.DropTable(
                name: "Publications");
        }
    }
}
