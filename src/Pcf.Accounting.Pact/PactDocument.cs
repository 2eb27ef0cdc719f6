using System.Collections.Immutable;
using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Pact;

/// <summary>A valid PACT document: the footprints it holds (one, a list response's <c>data</c>, or an event's <c>data.pfs</c>) and the warnings found.</summary>
/// <param name="Footprints">The footprints, in document order.</param>
/// <param name="Warnings">Problems that do not make the document invalid: unknown properties, broken sum rules (unless strict), missing SHALL properties the schema does not require.</param>
/// <threadsafety>Immutable.</threadsafety>
public sealed record PactDocument(ImmutableArray<PactFootprint> Footprints, ImmutableArray<ValidationProblem> Warnings);
