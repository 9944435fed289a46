import { Field, ID, InputType } from 'type-graphql';
import { ScenarioTemplateInput } from '../types/scenario-template.type';

@InputType({ description: 'The simulation to stop.' })
export class CancelSimulationInput {
  @Field(() => ID, { description: 'One of your QUEUED or RUNNING simulations.' })
  id!: string;
}

@InputType({ description: 'A scenario template of your own to add.' })
export class AddScenarioInput {
  @Field(() => ScenarioTemplateInput, { description: 'The template; its id must be new.' })
  template!: ScenarioTemplateInput;
}

@InputType({ description: 'One of your scenario templates and what replaces it.' })
export class UpdateScenarioInput {
  @Field({ description: 'The template id of your scenario, as addScenario returned it.' })
  id!: string;

  @Field(() => ScenarioTemplateInput, { description: 'The whole new template; template.id must equal id.' })
  template!: ScenarioTemplateInput;
}

@InputType({ description: 'The scenario template to delete.' })
export class DeleteScenarioInput {
  @Field({ description: 'The template id of your scenario.' })
  id!: string;
}
