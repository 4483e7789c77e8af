using TenantAnalyzers.Rules;
using TenantAnalyzers.Tests.Infrastructure;
using Xunit;

namespace TenantAnalyzers.Tests.Rules;

/// <summary>
/// An ABP Framework app as its documentation builds one: IMultiTenant aggregates, application services with IRepository
/// and IDataFilter, an AbpDbContext. Compiled against <see cref="FrameworkStubs.Abp"/>.
/// </summary>
public sealed class AbpTests
{
    private const string App = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading.Tasks;
        using Microsoft.EntityFrameworkCore;
        using Volo.Abp.Application.Services;
        using Volo.Abp.Data;
        using Volo.Abp.Domain.Entities;
        using Volo.Abp.Domain.Repositories;
        using Volo.Abp.EntityFrameworkCore;
        using Volo.Abp.MultiTenancy;

        namespace Acme.BookStore
        {
            public class Book : AggregateRoot<Guid>, IMultiTenant
            {
                protected Book()
                {
                }

                public Book(Guid id, string name)
                    : base(id) => Name = name;

                public Guid? TenantId { get; set; }
                public string Name { get; private set; } = "";
            }

            public class Author : AggregateRoot<Guid>
            {
                public string Name { get; set; } = "";
            }

            public class Shelf : Entity<Guid>
            {
                public Guid TenantId { get; set; }
                public string Label { get; set; } = "";
            }

            public class Note : IEntity<Guid>, IMultiTenant
            {
                public Guid Id { get; set; }
                public Guid? TenantId { get; set; }
                public string Text { get; set; } = "";
                public object[] GetKeys() => new object[] { Id };
            }

            public class BookStoreDbContext : AbpDbContext<BookStoreDbContext>
            {
                public BookStoreDbContext(DbContextOptions<BookStoreDbContext> options)
                    : base(options)
                {
                }

                public DbSet<Book> Books => Set<Book>();
                public DbSet<Shelf> Shelves => Set<Shelf>();

                protected override void OnModelCreating(ModelBuilder builder)
                {
                    base.OnModelCreating(builder);
                    builder.Entity<Book>(b => b.HasKey(x => x.Id));
                }
            }
        }
        """;

    private const string Service = """
        namespace Acme.BookStore
        {
            public class BookAppService : ApplicationService
            {
                private readonly IRepository<Book, Guid> _bookRepository;
                private readonly IRepository<Author, Guid> _authorRepository;
                private readonly IRepository<Shelf, Guid> _shelfRepository;
                private readonly IRepository<Note, Guid> _noteRepository;
                private readonly IDataFilter _dataFilter;
                private readonly IDataFilter<IMultiTenant> _tenantFilter;

                public BookAppService(
                    IRepository<Book, Guid> bookRepository,
                    IRepository<Author, Guid> authorRepository,
                    IRepository<Shelf, Guid> shelfRepository,
                    IRepository<Note, Guid> noteRepository,
                    IDataFilter dataFilter,
                    IDataFilter<IMultiTenant> tenantFilter)
                {
                    _bookRepository = bookRepository;
                    _authorRepository = authorRepository;
                    _shelfRepository = shelfRepository;
                    _noteRepository = noteRepository;
                    _dataFilter = dataFilter;
                    _tenantFilter = tenantFilter;
                }

        {0}
            }
        }
        """;

    private static Task VerifyAsync<TAnalyzer>(string members)
        where TAnalyzer : Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer, new() =>
        Verify.AnalyzerAsync<TAnalyzer>(App + "\n" + Service.Replace("{0}", members), prelude: false, frameworks: [FrameworkStubs.Abp]);

    [Fact]
    public Task Queries_of_multi_tenant_entities_inside_a_disabled_tenant_filter_are_reported() => VerifyAsync<FilterBypassAnalyzer>("""
                public async Task<long> CountAllTenants()
                {
                    using (_dataFilter.Disable<IMultiTenant>())
                    {
                        return await _bookRepository.{|TI0001:GetCountAsync()|};
                    }
                }

                public async Task<List<Book>> AllBooks()
                {
                    using (DataFilter.Disable<IMultiTenant>())
                    {
                        var authors = await _authorRepository.GetListAsync();
                        return await _bookRepository.{|TI0001:GetListAsync()|};
                    }
                }

                public async Task<int> Queryable()
                {
                    using var scope = _tenantFilter.Disable();
                    var query = await _bookRepository.{|TI0001:GetQueryableAsync()|};
                    return query.Count();
                }

                public List<Book> ViaDbContext(BookStoreDbContext db)
                {
                    using (_dataFilter.Disable<IMultiTenant>())
                    {
                        return db.{|TI0001:Books|}.Where(b => b.Name != "").ToList();
                    }
                }

                public async Task<List<Book>> HostView()
                {
                    using (CurrentTenant.Change(null))
                    {
                        return await _bookRepository.{|TI0001:GetListAsync()|};
                    }
                }
        """);

    [Fact]
    public Task Rescoped_queries_other_filters_a_specific_tenant_and_code_after_the_block_are_not_reported() => VerifyAsync<FilterBypassAnalyzer>("""
                public async Task<List<Book>> OfTenant(Guid tenantId)
                {
                    using (_dataFilter.Disable<IMultiTenant>())
                    {
                        var query = await _bookRepository.GetQueryableAsync();
                        var own = await _bookRepository.GetListAsync(b => b.TenantId == CurrentTenant.Id);
                        return query.Where(b => b.TenantId == tenantId).ToList();
                    }
                }

                public async Task<List<Book>> Deleted()
                {
                    using (_dataFilter.Disable<ISoftDelete>())
                    {
                        return await _bookRepository.GetListAsync();
                    }
                }

                public async Task<List<Book>> OtherTenant(Guid tenantId)
                {
                    using (CurrentTenant.Change(tenantId))
                    {
                        return await _bookRepository.GetListAsync();
                    }
                }

                public async Task<List<Book>> AfterTheBlock()
                {
                    using (_dataFilter.Disable<IMultiTenant>())
                    {
                        await _authorRepository.GetListAsync();
                    }

                    return await _bookRepository.GetListAsync();
                }
        """);

    [Fact]
    public Task Key_lookups_with_the_filter_off_or_on_unfiltered_entities_are_reported() => VerifyAsync<MissingOwnershipCheckAnalyzer>("""
                public Task<Book> Get(Guid id) => _bookRepository.GetAsync(id);

                public async Task<Book> GetAnyTenant(Guid id)
                {
                    using (_dataFilter.Disable<IMultiTenant>())
                    {
                        return await _bookRepository.{|TI0003:GetAsync(id)|};
                    }
                }

                public async Task<Book?> Checked(Guid id)
                {
                    using (_dataFilter.Disable<IMultiTenant>())
                    {
                        var book = await _bookRepository.FindAsync(id);
                        if (book?.TenantId != CurrentTenant.Id)
                        {
                            throw new UnauthorizedAccessException();
                        }

                        return book;
                    }
                }

                public Task<Shelf> Shelf(Guid id) => _shelfRepository.{|TI0003:GetAsync(id)|};

                public Task<Shelf?> ShelfByPredicate(Guid id) => _shelfRepository.{|TI0003:FindAsync(s => s.Id == id)|};

                public Task<Author> Author(Guid id) => _authorRepository.GetAsync(id);
        """);

    [Fact]
    public Task Entities_that_ABP_stamps_on_construction_are_not_reported() => VerifyAsync<TenantKeyNotForcedAnalyzer>("""
                public Task<Book> Create(string name) => _bookRepository.InsertAsync(new Book(Guid.NewGuid(), name));

                public Task<Shelf> CreateShelf(string label) => _shelfRepository.InsertAsync({|TI0004:new Shelf|} { Label = label });

                public Task<Note> CreateNote(string text) => _noteRepository.InsertAsync({|TI0004:new Note|} { Text = text }, autoSave: true);

                public Task<Note> CreateOwnedNote(string text) => _noteRepository.InsertAsync(new Note { Text = text, TenantId = CurrentTenant.Id });
        """);

    [Theory]
    [InlineData(CodeFixes.Fixes.FilterBypassCodeFixProvider.RemoveBypassKey)]
    [InlineData(CodeFixes.Fixes.FilterBypassCodeFixProvider.ScopeByTenantKey)]
    public Task A_query_inside_the_block_has_no_bypass_of_its_own_to_remove_or_scope(string equivalenceKey) =>
        Verify.NoFixAsync<FilterBypassAnalyzer, CodeFixes.Fixes.FilterBypassCodeFixProvider>(App + "\n" + Service.Replace("{0}", """
                public List<Book> ViaDbContext(BookStoreDbContext db)
                {
                    using (_dataFilter.Disable<IMultiTenant>())
                    {
                        return db.{|TI0001:Books|}.Where(b => b.Name != "").ToList();
                    }
                }
        """), equivalenceKey, frameworks: [FrameworkStubs.Abp]);

    [Fact]
    public Task Switching_to_a_tenant_taken_from_request_input_is_TI0005() => Verify.AnalyzerAsync<TenantIdFromInputAnalyzer>(App + "\n" + """
        namespace Acme.BookStore
        {
            public class SwitchTenantInput
            {
                public Guid? TenantId { get; set; }
            }

            public class TenantToolsAppService : ApplicationService
            {
                private readonly IRepository<Book, Guid> _bookRepository;
                public TenantToolsAppService(IRepository<Book, Guid> bookRepository) => _bookRepository = bookRepository;

                public async Task<long> CountFor(SwitchTenantInput input)
                {
                    using (CurrentTenant.Change({|TI0005:input.TenantId|}))
                    {
                        return await _bookRepository.GetCountAsync();
                    }
                }

                public async Task<long> CountForCurrent()
                {
                    using (CurrentTenant.Change(CurrentTenant.Id))
                    {
                        return await _bookRepository.GetCountAsync();
                    }
                }
            }
        }
        """, prelude: false, frameworks: [FrameworkStubs.Abp]);
}
