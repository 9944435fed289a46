import { Field, ID, ObjectType } from 'type-graphql';
import { MemoryType } from './memory.type';

@ObjectType('ForgetMemoryPayload', { description: 'The result of forgetMemory.' })
export class ForgetMemoryPayload {
  @Field(() => ID, { description: 'The id of the memory that was deleted.' })
  deletedMemoryId!: string;
}

@ObjectType('CorrectMemoryPayload', { description: 'The result of correctMemory.' })
export class CorrectMemoryPayload {
  @Field(() => MemoryType, { description: 'The corrected memory (the old version is kept as history).' })
  memory!: MemoryType;
}
