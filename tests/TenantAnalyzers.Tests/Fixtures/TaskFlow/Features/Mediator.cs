using System.Threading;
using System.Threading.Tasks;

namespace TaskFlow.Features;

/// <summary>A hand-rolled MediatR: requests, handlers and a sender, as many applications write before taking the package.</summary>
public interface IRequest<TResponse>
{
}

public interface IRequestHandler<in TRequest, TResponse>
    where TRequest : IRequest<TResponse>
{
    Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken);
}

public interface ISender
{
    Task<TResponse> Send<TResponse>(IRequest<TResponse> request, CancellationToken cancellationToken = default);
}
