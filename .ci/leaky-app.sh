#!/usr/bin/env bash
# Sourced by the smoke tests: creates ./LeakyApp, a fresh console app that consumes the packed TenantAnalyzers package
# (and EF Core) from the local folder feed, with one tenant-owned entity under a tenant query filter. The caller's
# Reports class (C# text, on standard input) holds the bypasses it checks.
# Usage: create_leaky_app FEED VERSION <<'CS' ... CS
create_leaky_app() {
  local feed=$1 version=$2 reports
  reports=$(cat)
  dotnet new console -n LeakyApp -o LeakyApp --no-restore >/dev/null
  cat > nuget.config <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="local" value="$feed" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
</configuration>
XML
  dotnet add LeakyApp package Microsoft.EntityFrameworkCore --version 10.0.15 >/dev/null
  dotnet add LeakyApp package TenantAnalyzers --version "$version" >/dev/null
  cat > LeakyApp/Program.cs <<CS
using System.Linq;
using Microsoft.EntityFrameworkCore;

public class Customer
{
    public int Id { get; set; }
    public int CompanyId { get; set; }
    public string Name { get; set; } = "";
}

public class AppDb : DbContext
{
    public int CurrentCompanyId { get; set; }
    public DbSet<Customer> Customers => Set<Customer>();
    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<Customer>().HasQueryFilter(c => c.CompanyId == CurrentCompanyId);
}

$reports

public static class Program
{
    public static void Main() { }
}
CS
}
