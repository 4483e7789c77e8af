using System;
using System.Collections.Generic;
using Microsoft.AspNetCore.Identity;

namespace TaskFlow.Data;

public interface ITenantEntity
{
    Guid TenantId { get; set; }
}

/// <summary>A customer organisation of the platform.</summary>
public class Tenant
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public string Slug { get; set; } = "";
    public string Plan { get; set; } = "free";
}

public class ApplicationUser : IdentityUser
{
    public Guid TenantId { get; set; }
    public string DisplayName { get; set; } = "";
}

public class Project : ITenantEntity
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public string Name { get; set; } = "";
    public bool IsArchived { get; set; }
    public List<TaskItem> Tasks { get; set; } = new();
}

public class TaskItem : ITenantEntity
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid ProjectId { get; set; }
    public Project Project { get; set; } = null!;
    public string Title { get; set; } = "";
    public string? AssigneeId { get; set; }
    public bool IsDone { get; set; }
}

public class Invoice : ITenantEntity
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public string Number { get; set; } = "";
    public decimal Amount { get; set; }
    public DateTime DueAt { get; set; }
    public bool IsPaid { get; set; }
}

/// <summary>Written by every feature; not filtered, so that the platform's support staff can read it.</summary>
public class AuditLog
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public string UserId { get; set; } = "";
    public string Message { get; set; } = "";
    public Guid? ProjectId { get; set; }
}
