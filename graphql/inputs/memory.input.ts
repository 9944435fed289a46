import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: 'The memory to delete.' })
export class ForgetMemoryInput {
  @Field(() => ID, { description: 'The memory to delete.' })
  id!: string;
}

@InputType({ description: 'A memory and what should be remembered instead.' })
export class CorrectMemoryInput {
  @Field(() => ID, { description: 'The memory to correct.' })
  id!: string;

  @Field({ description: 'What should be remembered instead.' })
  text!: string;
}
