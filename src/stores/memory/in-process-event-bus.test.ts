import { eventBusContract } from '../event-bus.contract';
import { InProcessEventBus } from './in-process-event-bus';

eventBusContract('in-process', async () => {
  const bus = new InProcessEventBus();
  return { a: bus, b: bus, close: () => bus.close() };
});
