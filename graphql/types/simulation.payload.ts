import { Field, ObjectType } from 'type-graphql';
import { ScenarioTemplateType } from './scenario-template.type';
import { SimulationType } from './simulation.type';

@ObjectType('StartSimulationPayload', { description: 'The result of startSimulation.' })
export class StartSimulationPayload {
  @Field(() => SimulationType, { description: 'The queued simulation; follow it on simulationEvents.' })
  simulation!: SimulationType;
}

@ObjectType('CancelSimulationPayload', { description: 'The result of cancelSimulation.' })
export class CancelSimulationPayload {
  @Field(() => SimulationType, { description: 'The simulation, stopping (or stopped).' })
  simulation!: SimulationType;
}

@ObjectType('AddScenarioPayload', { description: 'The result of addScenario.' })
export class AddScenarioPayload {
  @Field(() => ScenarioTemplateType, { description: 'The new template with defaults applied.' })
  scenario!: ScenarioTemplateType;
}

@ObjectType('UpdateScenarioPayload', { description: 'The result of updateScenario.' })
export class UpdateScenarioPayload {
  @Field(() => ScenarioTemplateType, { description: 'The template as it is now, with defaults applied.' })
  scenario!: ScenarioTemplateType;
}

@ObjectType('DeleteScenarioPayload', { description: 'The result of deleteScenario.' })
export class DeleteScenarioPayload {
  @Field({ description: 'The id of the scenario template that was deleted.' })
  deletedScenarioId!: string;
}
