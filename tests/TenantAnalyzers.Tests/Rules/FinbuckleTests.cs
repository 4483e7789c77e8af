using TenantAnalyzers.Rules;
using TenantAnalyzers.Tests.Infrastructure;
using Xunit;

namespace TenantAnalyzers.Tests.Rules;

/// <summary>
/// A Finbuckle.MultiTenant app as its documentation builds one: a TenantInfo, a DbContext deriving from
/// MultiTenantDbContext, entities marked [MultiTenant] (a shadow TenantId) or configured with IsMultiTenant(), the current
/// tenant read from IMultiTenantContextAccessor. Compiled against <see cref="FrameworkStubs.Finbuckle"/>.
/// </summary>
public sealed class FinbuckleTests
{
    private const string App = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading.Tasks;
        using Finbuckle.MultiTenant.Abstractions;
        using Finbuckle.MultiTenant.EntityFrameworkCore;
        using Finbuckle.MultiTenant.EntityFrameworkCore.Extensions;
        using Microsoft.EntityFrameworkCore;
        using Microsoft.EntityFrameworkCore.Metadata.Builders;

        namespace Blogging
        {
            public class AppTenantInfo : TenantInfo
            {
                public string? ConnectionString { get; set; }
            }

            [MultiTenant]
            public class Blog
            {
                public int Id { get; set; }
                public string Title { get; set; } = "";
                public bool IsDeleted { get; set; }
            }

            public class Post
            {
                public int Id { get; set; }
                public int BlogId { get; set; }
                public string TenantId { get; set; } = "";
                public string Body { get; set; } = "";
            }

            public class Comment
            {
                public int Id { get; set; }
                public string Text { get; set; } = "";
            }

            [MultiTenant]
            public class Theme
            {
                public int Id { get; set; }
                public string Name { get; set; } = "";
            }

            public class Category
            {
                public int Id { get; set; }
                public string Name { get; set; } = "";
            }

            public class BloggingDbContext : MultiTenantDbContext
            {
                public BloggingDbContext(IMultiTenantContextAccessor<AppTenantInfo> accessor, DbContextOptions<BloggingDbContext> options)
                    : base(accessor, options)
                {
                }

                public DbSet<Blog> Blogs => Set<Blog>();
                public DbSet<Post> Posts => Set<Post>();
                public DbSet<Comment> Comments => Set<Comment>();
                public DbSet<Theme> Themes => Set<Theme>();
                public DbSet<Category> Categories => Set<Category>();

                protected override void OnModelCreating(ModelBuilder modelBuilder)
                {
                    modelBuilder.Entity<Blog>().HasQueryFilter("SoftDelete", b => !b.IsDeleted);
                    modelBuilder.Entity<Post>().IsMultiTenant().AdjustUniqueIndexes();
                    modelBuilder.Entity<Theme>().IsNotMultiTenant();
                    modelBuilder.ApplyConfiguration(new CommentConfiguration());
                    base.OnModelCreating(modelBuilder);
                }
            }

            public class CommentConfiguration : IEntityTypeConfiguration<Comment>
            {
                public void Configure(EntityTypeBuilder<Comment> builder) => builder.IsMultiTenant();
            }
        }
        """;

    private static Task VerifyAsync<TAnalyzer>(string usage)
        where TAnalyzer : Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer, new() =>
        Verify.AnalyzerAsync<TAnalyzer>(App + "\n" + usage, prelude: false, frameworks: [FrameworkStubs.Finbuckle]);

    [Fact]
    public Task Bypass_of_multi_tenant_entities_is_reported_and_of_opted_out_or_plain_ones_is_not() => VerifyAsync<FilterBypassAnalyzer>("""
        namespace Blogging
        {
            public class AdminReports
            {
                private readonly BloggingDbContext _db;
                public AdminReports(BloggingDbContext db) => _db = db;

                public int Blogs() => _db.Blogs.{|TI0001:IgnoreQueryFilters()|}.Count();
                public int Posts() => _db.Posts.{|TI0001:IgnoreQueryFilters()|}.Count();
                public int Comments() => _db.Comments.{|TI0001:IgnoreQueryFilters()|}.Count();
                public int Themes() => _db.Themes.IgnoreQueryFilters().Count();
                public int Categories() => _db.Categories.IgnoreQueryFilters().Count();
            }
        }
        """);

    [Fact]
    public Task Named_filter_that_keeps_Finbuckles_tenant_filter_is_not_a_bypass() => VerifyAsync<FilterBypassAnalyzer>("""
        namespace Blogging
        {
            public class Trash
            {
                private readonly BloggingDbContext _db;
                public Trash(BloggingDbContext db) => _db = db;

                public List<Blog> Deleted() => _db.Blogs.IgnoreQueryFilters(["SoftDelete"]).Where(b => b.IsDeleted).ToList();
                public List<Blog> Everything() => _db.Blogs.{|TI0001:IgnoreQueryFilters(["SoftDelete", "__tenant__"])|}.ToList();
            }
        }
        """);

    [Fact]
    public Task Shadow_tenant_key_rescoping_through_EF_Property_and_the_accessor() => VerifyAsync<FilterBypassAnalyzer>("""
        namespace Blogging
        {
            public class Trash
            {
                private readonly BloggingDbContext _db;
                private readonly IMultiTenantContextAccessor<AppTenantInfo> _accessor;

                public Trash(BloggingDbContext db, IMultiTenantContextAccessor<AppTenantInfo> accessor)
                {
                    _db = db;
                    _accessor = accessor;
                }

                public List<Blog> Deleted() => _db.Blogs.IgnoreQueryFilters()
                    .Where(b => EF.Property<string>(b, "TenantId") == _accessor.MultiTenantContext.TenantInfo!.Id && b.IsDeleted)
                    .ToList();
            }
        }
        """);

    [Fact]
    public Task Key_lookup_after_a_bypass_is_reported_and_a_filtered_find_is_not() => VerifyAsync<MissingOwnershipCheckAnalyzer>("""
        namespace Blogging
        {
            public class BlogService
            {
                private readonly BloggingDbContext _db;
                public BlogService(BloggingDbContext db) => _db = db;

                public Task<Blog?> Find(int id) => _db.Blogs.FindAsync(id).AsTask();
                public Task<Comment?> Comment(int id) => _db.Comments.FirstOrDefaultAsync(c => c.Id == id);
                public Task<Blog?> Any(int id) => _db.Blogs.IgnoreQueryFilters().{|TI0003:FirstOrDefaultAsync(b => b.Id == id)|};
                public Task<Theme?> Theme(int id) => _db.Themes.IgnoreQueryFilters().FirstOrDefaultAsync(t => t.Id == id);
            }
        }
        """);

    [Fact]
    public Task Entities_the_library_stamps_are_not_reported_as_created_without_a_key() => VerifyAsync<TenantKeyNotForcedAnalyzer>("""
        namespace Blogging
        {
            public class BlogService
            {
                private readonly BloggingDbContext _db;
                public BlogService(BloggingDbContext db) => _db = db;

                public async Task Create(string title, string body)
                {
                    var blog = new Blog { Title = title };
                    _db.Blogs.Add(blog);
                    _db.Posts.Add(new Post { Body = body });
                    await _db.SaveChangesAsync();
                }
            }
        }
        """);

    [Fact]
    public Task Tenant_info_from_the_accessor_is_the_context_for_input_checks() => Verify.AnalyzerAsync<TenantIdFromInputAnalyzer>(App + "\n" + """
        namespace Blogging
        {
            [Microsoft.AspNetCore.Mvc.ApiController]
            public class PostsController : Microsoft.AspNetCore.Mvc.ControllerBase
            {
                private readonly BloggingDbContext _db;
                private readonly IMultiTenantContextAccessor _accessor;

                public PostsController(BloggingDbContext db, IMultiTenantContextAccessor accessor)
                {
                    _db = db;
                    _accessor = accessor;
                }

                public Microsoft.AspNetCore.Mvc.IActionResult Checked(string tenantId)
                {
                    if (tenantId != _accessor.MultiTenantContext.TenantInfo?.Id)
                    {
                        return Forbid();
                    }

                    return Ok(_db.Posts.IgnoreQueryFilters().Where(p => p.TenantId == tenantId).ToList());
                }

                public Microsoft.AspNetCore.Mvc.IActionResult Unchecked(string tenantId) =>
                    Ok(_db.Posts.IgnoreQueryFilters().Where(p => p.TenantId == {|TI0005:tenantId|}).ToList());

                public void Create(string body) => _db.Posts.Add(new Post { Body = body, TenantId = _accessor.MultiTenantContext.TenantInfo!.Id! });
            }
        }
        """, prelude: false, references: TestReferences.AspNetCore10, frameworks: [FrameworkStubs.Finbuckle]);

    [Fact]
    public Task IsMultiTenant_in_a_loop_over_entity_types_owns_and_filters_the_tested_types() => Verify.AnalyzerAsync<MissingOwnershipCheckAnalyzer>("""
        using System.Linq;
        using System.Threading.Tasks;
        using Finbuckle.MultiTenant.Abstractions;
        using Finbuckle.MultiTenant.EntityFrameworkCore;
        using Finbuckle.MultiTenant.EntityFrameworkCore.Extensions;
        using Microsoft.EntityFrameworkCore;

        namespace Helpdesk
        {
            public interface ITenantScoped { }
            public class Ticket : ITenantScoped { public int Id { get; set; } public string Title { get; set; } = ""; }
            public class Agent { public int Id { get; set; } public string TenantId { get; set; } = ""; }

            public class HelpdeskDbContext : MultiTenantDbContext
            {
                public HelpdeskDbContext(IMultiTenantContextAccessor accessor) : base(accessor) { }

                public DbSet<Ticket> Tickets => Set<Ticket>();
                public DbSet<Agent> Agents => Set<Agent>();

                protected override void OnModelCreating(ModelBuilder modelBuilder)
                {
                    foreach (var entityType in modelBuilder.Model.GetEntityTypes())
                    {
                        if (typeof(ITenantScoped).IsAssignableFrom(entityType.ClrType))
                        {
                            modelBuilder.Entity(entityType.ClrType).IsMultiTenant();
                        }
                    }
                }
            }

            public class TicketService
            {
                private readonly HelpdeskDbContext _db;
                public TicketService(HelpdeskDbContext db) => _db = db;

                public Task<Ticket?> Get(int id) => _db.Tickets.FirstOrDefaultAsync(t => t.Id == id);
                public Task<Ticket?> Any(int id) => _db.Tickets.IgnoreQueryFilters().{|TI0003:FirstOrDefaultAsync(t => t.Id == id)|};
                public Task<Agent?> Agent(int id) => _db.Agents.{|TI0003:FirstOrDefaultAsync(a => a.Id == id)|};
            }
        }
        """, prelude: false, frameworks: [FrameworkStubs.Finbuckle]);
}
