import { Args, Query, Resolver } from '@nestjs/graphql';
import { ClaimGraphModel } from './claim-graph.model.js';
import { ClaimGraphService } from './claim-graph.service.js';
import { ClaimGraphArgs } from './dto/claim-graph.args.js';
import { ReadAccess } from '../auth/require-role.decorator.js';

@Resolver()
@ReadAccess()
export class ClaimGraphResolver {
  constructor(private readonly claimGraphs: ClaimGraphService) {}

  @Query(() => ClaimGraphModel, {
    description:
      'The claim graph around a claim (`depth` relation hops) or of the filtered claims, with ' +
      `their speakers, outlets, items and briefings. At most 500 claims: past that, BAD_USER_INPUT.`,
  })
  claimGraph(@Args() args: ClaimGraphArgs): Promise<ClaimGraphModel> {
    return this.claimGraphs.claimGraph(args);
  }
}
